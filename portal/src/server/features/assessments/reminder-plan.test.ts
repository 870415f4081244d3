import { describe, expect, it } from 'vitest';
import { initialStamps, planReminder } from './reminder-plan';

const at = new Date('2026-03-01T08:00:00Z');
const none = { reminder7SentAt: null, reminder3SentAt: null, reminder1SentAt: null };

describe('reminder plan', () => {
  it.each([
    ['2026-03-01', null],
    ['2026-03-02', null],
    ['2026-03-03', { send: 7, skip: [] }],
    ['2026-03-06', { send: 7, skip: [] }],
    ['2026-03-07', { send: 3, skip: [7] }],
    ['2026-03-09', { send: 1, skip: [7, 3] }],
    ['2026-03-10', { send: 1, skip: [7, 3] }],
    ['2026-03-11', null],
  ])('with nothing sent yet, on %s', (today, expected) => {
    expect(planReminder({ dueOn: '2026-03-10', ...none }, today)).toEqual(expected);
  });

  it('sends the next one after an earlier one went out', () => {
    const sent7 = { ...none, reminder7SentAt: at };
    expect(planReminder({ dueOn: '2026-03-10', ...sent7 }, '2026-03-05')).toBeNull();
    expect(planReminder({ dueOn: '2026-03-10', ...sent7 }, '2026-03-07')).toEqual({ send: 3, skip: [] });
  });

  it('never plans a reminder twice', () => {
    const all = { reminder7SentAt: at, reminder3SentAt: at, reminder1SentAt: at };
    expect(planReminder({ dueOn: '2026-03-10', ...all }, '2026-03-09')).toBeNull();
  });

  it('counts reminders already due at sending as covered by the invitation', () => {
    expect(initialStamps('2026-03-03', '2026-03-01', at)).toEqual({
      reminder7SentAt: at,
      reminder3SentAt: at,
      reminder1SentAt: null,
    });
    expect(initialStamps('2026-04-01', '2026-03-01', at)).toEqual(none);
  });
});
