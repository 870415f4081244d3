import { describe, expect, it } from 'vitest';
import { q, section, template, testProfile } from './template.fixture';
import { isSectionVisible, visibleQuestions } from './visibility';

const t = template([
  testProfile,
  section(
    'agents',
    [
      q({ id: 'a.tools', type: 'yes_no' }),
      q({ id: 'a.kill', type: 'yes_no', condition: { questionId: 'a.tools', equals: 'yes' } }),
    ],
    { condition: { questionId: 'p.agent', equals: 'yes' } },
  ),
  section('data', [
    q({ id: 'd.any', type: 'yes_no' }),
    q({
      id: 'd.personal',
      type: 'yes_no',
      condition: { questionId: 'p.data', includesAny: ['personal'] },
    }),
    q({
      id: 'd.either',
      type: 'yes_no',
      condition: {
        any: [
          { questionId: 'p.agent', equals: 'yes' },
          { not: { questionId: 'p.data', includesAny: ['none'] } },
        ],
      },
    }),
  ]),
]);

const ids = (answers: Parameters<typeof visibleQuestions>[1]) =>
  visibleQuestions(t, answers).map((v) => v.question.id);

describe('visibility', () => {
  it('hides conditional sections and questions until their condition holds', () => {
    expect(ids({ 'p.data': { value: ['none'] }, 'p.agent': { value: 'no' } })).toEqual([
      'p.data',
      'p.agent',
      'd.any',
    ]);
    expect(isSectionVisible(t, 'agents', { 'p.agent': { value: 'no' } })).toBe(false);
    expect(isSectionVisible(t, 'agents', { 'p.agent': { value: 'yes' } })).toBe(true);
    expect(isSectionVisible(t, 'nowhere', {})).toBe(false);
  });

  it('matches includesAny against any chosen option', () => {
    expect(ids({ 'p.data': { value: ['internal', 'personal'] } })).toContain('d.personal');
  });

  it('treats an unanswered question as matching nothing, so "not" of it holds', () => {
    expect(ids({})).toEqual(['p.data', 'p.agent', 'd.any', 'd.either']);
  });

  it('ignores the answer of a hidden question, cascading to what depends on it', () => {
    const answers = {
      'p.agent': { value: 'no' },
      'a.tools': { value: 'yes' },
      'p.data': { value: ['none'] },
    };
    expect(ids(answers)).not.toContain('a.kill');
    expect(ids({ ...answers, 'p.agent': { value: 'yes' } })).toContain('a.kill');
  });

  it('ignores invalid and not-applicable answers in conditions', () => {
    expect(isSectionVisible(t, 'agents', { 'p.agent': { value: 'YES' } })).toBe(false);
    expect(isSectionVisible(t, 'agents', { 'p.agent': { value: 'yes', notApplicable: true } })).toBe(false);
  });
});
