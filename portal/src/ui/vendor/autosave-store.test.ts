import { networkError, parseApiError } from '@sightline/shared/http/api-client-error';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AnswerSet, createAutosave, DEBOUNCE_MS, mergeServerAnswers } from './autosave-store';
import { audit, emptyServer, fakeServer, number, purpose, settle, trust } from './autosave-test-kit';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a refetch while answers wait for the autosave delay', () => {
  it('keeps every typed answer, says unsaved, and still saves them all', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'Drafting customer letters' });
    autosave.update(trust, { value: 'https://trust.example' });

    // An upload's refetch comes back before the delay is over, without the answers, and with one a
    // colleague saved meanwhile.
    autosave.receive({ answers: { [audit.id]: { value: 'By a colleague' } }, revisions: { [audit.id]: 1 } });
    expect(autosave.getSnapshot().answers).toEqual({
      [purpose.id]: { value: 'Drafting customer letters' },
      [trust.id]: { value: 'https://trust.example' },
      [audit.id]: { value: 'By a colleague' },
    });
    expect(autosave.getSnapshot().status.kind).toBe('pending');

    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.answers).toEqual({
      [purpose.id]: { value: 'Drafting customer letters' },
      [trust.id]: { value: 'https://trust.example' },
    });
    expect(autosave.getSnapshot().status.kind).toBe('saving');
    server.calls[0]!.resolve({ [purpose.id]: 1, [trust.id]: 1 });
    await settle();
    expect(autosave.getSnapshot().status.kind).toBe('saved');
  });

  it('a flush before the refetch sends them at once, and the refetch then agrees', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'Drafting customer letters' });
    const flushed = autosave.flush();
    expect(server.calls).toHaveLength(1);
    server.calls[0]!.resolve({ [purpose.id]: 1 });
    await flushed;
    autosave.receive({
      answers: { [purpose.id]: { value: 'Drafting customer letters' } },
      revisions: { [purpose.id]: 1 },
    });
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'Drafting customer letters' });
    expect(autosave.getSnapshot().status.kind).toBe('saved');
  });
});

describe('a refetch while a save is on its way', () => {
  it('keeps the answers being saved, never says saved before the server does, and takes the rest', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive({ answers: { [trust.id]: { value: 'old' } }, revisions: { [trust.id]: 1 } });
    autosave.update(purpose, { value: 'Drafting customer letters' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(server.calls).toHaveLength(1);

    // The refetch left before the save landed: it has no answer for the question being saved.
    autosave.receive({
      answers: { [trust.id]: { value: 'newer, by a colleague' } },
      revisions: { [trust.id]: 2 },
    });
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'Drafting customer letters' });
    expect(autosave.getSnapshot().answers[trust.id]).toEqual({ value: 'newer, by a colleague' });
    expect(autosave.getSnapshot().status.kind).toBe('saving');

    server.calls[0]!.resolve({ [purpose.id]: 1 });
    await settle();
    expect(autosave.getSnapshot().status.kind).toBe('saved');

    // A refetch older than the save (it left before the save landed) still changes nothing.
    autosave.receive({ answers: {}, revisions: {} });
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'Drafting customer letters' });
  });

  it('an answer changed again during the save is sent next, from the revision the save got', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'first' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    autosave.update(purpose, { value: 'second' });
    autosave.receive({ answers: { [purpose.id]: { value: 'first' } }, revisions: { [purpose.id]: 1 } });
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'second' });

    server.calls[0]!.resolve({ [purpose.id]: 1 });
    await settle();
    expect(autosave.getSnapshot().status.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(server.calls[1]).toMatchObject({
      answers: { [purpose.id]: { value: 'second' } },
      bases: { [purpose.id]: 1 },
    });
  });

  it('a save that fails keeps the answer through a refetch and is never reported as saved', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'Drafting customer letters' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(networkError('No connection.'));
    await settle();
    autosave.receive(emptyServer);
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'Drafting customer letters' });
    expect(autosave.getSnapshot().status).toMatchObject({
      kind: 'error',
      message: 'No connection. Retrying…',
    });
    expect(autosave.hasUnsendable()).toBe(true);
  });
});

describe('merging server answers', () => {
  it('takes newer server answers for untouched questions only', () => {
    const local: AnswerSet = {
      answers: { a: { value: 'mine' }, b: { value: 'seen' }, c: { value: 'saved here' } },
      revisions: { a: 1, b: 1, c: 3 },
    };
    const server: AnswerSet = {
      answers: { a: { value: 'theirs' }, b: { value: 'theirs' }, c: { value: 'older' }, d: { value: 'new' } },
      revisions: { a: 2, b: 2, c: 2, d: 1 },
    };
    const merged = mergeServerAnswers(local, server, (id) => id === 'a');
    expect(merged.answers).toEqual({
      a: { value: 'mine' },
      b: { value: 'theirs' },
      c: { value: 'saved here' },
      d: { value: 'new' },
    });
    // The kept answer keeps its base, so saving it over the colleague's still asks the person first.
    expect(merged.revisions).toEqual({ a: 1, b: 2, c: 3, d: 1 });
  });
});

describe('status', () => {
  it('an answer the question refuses is kept on screen and reported as not saved', () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(number('profile.user_count'), { value: Number('-') });
    autosave.receive(emptyServer);
    expect(autosave.getSnapshot().answers['profile.user_count']).toEqual({ value: Number.NaN });
    expect(autosave.getSnapshot().status.kind).toBe('error');
    expect(server.save).not.toHaveBeenCalled();
  });
});

describe('leaving the page', () => {
  it('sends waiting answers at once, even while a save is on its way, without a base that would conflict', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive({ answers: { [trust.id]: { value: 'old' } }, revisions: { [trust.id]: 4 } });
    autosave.update(purpose, { value: 'first' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    autosave.update(purpose, { value: 'second' });
    autosave.update(trust, { value: 'changed' });

    autosave.leave();
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.answers).toEqual({
      [purpose.id]: { value: 'second' },
      [trust.id]: { value: 'changed' },
    });
    expect(server.calls[1]!.bases).toEqual({ [trust.id]: 4 });
    expect(autosave.hasUnsendable()).toBe(false);
  });

  it('asks before leaving when an answer waits for a conflict to be settled', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'mine' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(
      parseApiError(409, {
        error: {
          code: 'conflict',
          message: 'Not saved',
          details: [
            {
              questionId: purpose.id,
              theirs: { value: 'theirs' },
              revision: 2,
              savedBy: 'Ines',
              savedAt: '2026-01-01T10:00:00Z',
            },
          ],
        },
      }),
    );
    await settle();
    autosave.receive({ answers: { [purpose.id]: { value: 'theirs' } }, revisions: { [purpose.id]: 2 } });
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'mine' });
    expect(autosave.hasUnsendable()).toBe(true);
    autosave.leave();
    expect(server.calls).toHaveLength(1);
  });
});
