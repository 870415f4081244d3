import { describe, expect, it } from 'vitest';
import { answerState, MAX_TEXT_ANSWER_CHARS, validateAnswer } from './answer-schema';
import { q } from './template.fixture';

const yesNo = q({ id: 'x.yn', type: 'yes_no' });
const single = q({
  id: 'x.single',
  type: 'single_choice',
  options: [
    { value: 'a', label: 'A', points: 1 },
    { value: 'b', label: 'B', points: 0 },
  ],
});
const multi = q({
  id: 'x.multi',
  type: 'multiple_choice',
  options: [
    { value: 'none', label: 'None', points: 1, exclusive: true },
    { value: 'a', label: 'A', points: 1 },
    { value: 'b', label: 'B', points: 0 },
  ],
});

describe('validateAnswer', () => {
  it('takes "yes" or "no" for yes/no questions', () => {
    expect(validateAnswer(yesNo, { value: 'yes' })).toEqual({ ok: true, answer: { value: 'yes' } });
    expect(validateAnswer(yesNo, { value: true })).toEqual({ ok: false, error: 'choose one of: yes, no' });
  });

  it('takes an option value for single choice', () => {
    expect(validateAnswer(single, { value: 'b' })).toEqual({ ok: true, answer: { value: 'b' } });
    expect(validateAnswer(single, { value: 'c' })).toEqual({ ok: false, error: 'choose one of: a, b' });
  });

  it('takes distinct option values for multiple choice, honouring exclusive options', () => {
    expect(validateAnswer(multi, { value: ['a', 'b'] })).toEqual({ ok: true, answer: { value: ['a', 'b'] } });
    expect(validateAnswer(multi, { value: ['a', 'a'] })).toMatchObject({
      ok: false,
      error: 'each option can be chosen once',
    });
    expect(validateAnswer(multi, { value: ['a', 'z'] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('z'),
    });
    expect(validateAnswer(multi, { value: ['none', 'a'] })).toEqual({
      ok: false,
      error: '"none" cannot be combined with other options',
    });
    expect(validateAnswer(multi, { value: 'a' })).toMatchObject({ ok: false });
  });

  it('caps text at 10,000 characters and treats blank text as no answer', () => {
    const text = q({ id: 'x.text', type: 'text' });
    expect(validateAnswer(text, { value: 'x'.repeat(MAX_TEXT_ANSWER_CHARS) }).ok).toBe(true);
    expect(validateAnswer(text, { value: 'x'.repeat(MAX_TEXT_ANSWER_CHARS + 1) }).ok).toBe(false);
    expect(validateAnswer(text, { value: '   ' })).toEqual({ ok: true, answer: {} });
  });

  it('checks numbers against the range', () => {
    const num = q({ id: 'x.num', type: 'number', weight: 0, numberRange: { min: 0, integer: true } });
    expect(validateAnswer(num, { value: 12 })).toEqual({ ok: true, answer: { value: 12 } });
    expect(validateAnswer(num, { value: -1 })).toEqual({ ok: false, error: 'the answer must be at least 0' });
    expect(validateAnswer(num, { value: 1.5 })).toEqual({
      ok: false,
      error: 'the answer must be a whole number',
    });
    expect(validateAnswer(num, { value: '12' })).toEqual({ ok: false, error: 'the answer must be a number' });
    expect(validateAnswer(num, { value: Number.NaN }).ok).toBe(false);
  });

  it('takes real calendar dates written YYYY-MM-DD', () => {
    const date = q({ id: 'x.date', type: 'date' });
    expect(validateAnswer(date, { value: '2024-02-29' }).ok).toBe(true);
    expect(validateAnswer(date, { value: '2023-02-29' }).ok).toBe(false);
    expect(validateAnswer(date, { value: '29/02/2024' }).ok).toBe(false);
  });

  it('gives file questions no value', () => {
    const file = q({ id: 'x.file', type: 'file', evidence: { requested: true } });
    expect(validateAnswer(file, { comment: 'see upload' })).toEqual({
      ok: true,
      answer: { comment: 'see upload' },
    });
    expect(validateAnswer(file, { value: 'a.pdf' }).ok).toBe(false);
  });

  it('allows "not applicable" only where the question does, and never with a value', () => {
    const na = q({ id: 'x.na', type: 'yes_no', allowNotApplicable: true });
    expect(validateAnswer(na, { notApplicable: true })).toEqual({
      ok: true,
      answer: { notApplicable: true },
    });
    expect(validateAnswer(na, { notApplicable: true, value: 'yes' }).ok).toBe(false);
    expect(validateAnswer(yesNo, { notApplicable: true })).toEqual({
      ok: false,
      error: 'this question cannot be marked not applicable',
    });
  });

  it('keeps comments unless the question forbids them, and rejects unknown fields', () => {
    expect(validateAnswer(yesNo, { value: 'no', comment: ' in progress ' })).toEqual({
      ok: true,
      answer: { value: 'no', comment: 'in progress' },
    });
    const silent = q({ id: 'x.silent', type: 'yes_no', allowComment: false });
    expect(validateAnswer(silent, { value: 'no', comment: 'x' }).ok).toBe(false);
    expect(validateAnswer(yesNo, { value: 'yes', points: 1 }).ok).toBe(false);
    expect(validateAnswer(yesNo, 'yes').ok).toBe(false);
  });

  it('treats null as a cleared answer', () => {
    expect(validateAnswer(yesNo, { value: null, comment: null })).toEqual({ ok: true, answer: {} });
  });
});

describe('answerState', () => {
  it('tells answered, not applicable, unanswered and invalid apart', () => {
    const na = q({ id: 'x.na', type: 'yes_no', allowNotApplicable: true });
    expect(answerState(yesNo, { 'x.yn': { value: 'yes' } }).state).toBe('answered');
    expect(answerState(na, { 'x.na': { notApplicable: true } }).state).toBe('not_applicable');
    expect(answerState(yesNo, {}).state).toBe('unanswered');
    expect(answerState(yesNo, { 'x.yn': { comment: 'later' } }).state).toBe('unanswered');
    expect(answerState(yesNo, { 'x.yn': { value: 'maybe' } }).state).toBe('invalid');
  });

  it('counts a file question as answered once it has a file', () => {
    const file = q({ id: 'x.file', type: 'file', evidence: { requested: true } });
    expect(answerState(file, {}).state).toBe('unanswered');
    expect(answerState(file, {}, { 'x.file': { count: 1, verified: 0 } }).state).toBe('answered');
  });

  it('ignores inherited keys of the answers object', () => {
    const constructorQuestion = q({ id: 'constructor', type: 'yes_no' });
    expect(answerState(constructorQuestion, {}).state).toBe('unanswered');
  });
});
