import { describe, expect, it } from 'vitest';
import { answerInWords } from './answer-in-words';
import { q } from './template.fixture';

const choice = q({
  id: 'a.choice',
  type: 'multiple_choice',
  allowNotApplicable: true,
  options: [
    { value: 'logs', label: 'Logs with content', points: 0.2 },
    { value: 'none', label: 'No logs', points: 1 },
  ],
});

describe('answerInWords', () => {
  it('reads option labels, not stored values', () => {
    expect(answerInWords(choice, { 'a.choice': { value: ['logs', 'none'] } })).toBe(
      'Logs with content; No logs',
    );
    expect(answerInWords(q({ id: 'a.yn', type: 'yes_no' }), { 'a.yn': { value: 'no' } })).toBe('No');
  });

  it('says not applicable, counts files, and gives null for no usable answer', () => {
    expect(answerInWords(choice, { 'a.choice': { notApplicable: true } })).toBe('Not applicable');
    expect(answerInWords(choice, {})).toBeNull();
    expect(answerInWords(choice, { 'a.choice': { value: ['gone'] } })).toBeNull();
    const file = q({ id: 'a.file', type: 'file', evidence: { requested: true, label: 'Report' } });
    expect(answerInWords(file, {}, { 'a.file': { count: 2, verified: 0 } })).toBe('2 files uploaded');
  });

  it('keeps text and numbers as written', () => {
    const text = q({ id: 'a.text', type: 'text' });
    expect(answerInWords(text, { 'a.text': { value: 'We encrypt at rest.' } })).toBe('We encrypt at rest.');
    const n = q({ id: 'a.n', type: 'number' });
    expect(answerInWords(n, { 'a.n': { value: 40 } })).toBe('40');
  });
});
