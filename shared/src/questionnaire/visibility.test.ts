import { describe, expect, it } from 'vitest';
import type { Answers } from './answer-schema';
import { toPublicTemplate } from './public-view';
import { q, section, template, testProfile } from './template.fixture';
import type { UseContext } from './use-context';
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

  it('treats an unanswered question as unknown, showing what the riskier answer would', () => {
    expect(ids({})).toEqual(['p.data', 'p.agent', 'a.tools', 'a.kill', 'd.any', 'd.personal', 'd.either']);
    // "not" of an unknown is still unknown, so it shows too.
    expect(ids({ 'p.agent': { value: 'no' }, 'p.data': { value: ['none'] } })).not.toContain('d.either');
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

  it('reads an invalid answer as unknown and a not-applicable one as matching nothing', () => {
    expect(isSectionVisible(t, 'agents', { 'p.agent': { value: 'YES' } })).toBe(true);
    const naProfile = template([
      section('profile', [q({ id: 'p.agent', type: 'yes_no', weight: 0, allowNotApplicable: true })]),
      section('agents', [q({ id: 'a.x', type: 'yes_no' })], {
        condition: { questionId: 'p.agent', equals: 'yes' },
      }),
    ]);
    expect(isSectionVisible(naProfile, 'agents', { 'p.agent': { notApplicable: true } })).toBe(false);
  });
});

describe('visibility: unknown answers and the use context', () => {
  const hosting = q({
    id: 'p.hosting',
    type: 'single_choice',
    weight: 0,
    options: [
      { value: 'own', label: 'Own' },
      { value: 'third_party', label: 'Third party' },
      { value: 'unknown', label: 'We cannot say', unknown: true },
    ],
  });
  const withContext = template([
    section('profile', [hosting]),
    section('upstream', [
      q({ id: 'u.retention', type: 'yes_no', condition: { questionId: 'p.hosting', equals: 'third_party' } }),
      q({
        id: 'u.personal',
        type: 'yes_no',
        condition: { useContext: 'dataCategories', includesAny: ['personal', 'special_category'] },
      }),
      q({
        id: 'u.dora',
        type: 'yes_no',
        condition: { useContext: 'supportsCriticalFunction', equals: 'yes', ifUnstated: 'no_match' },
      }),
    ]),
  ]);
  const shown = (answers: Answers, context?: UseContext) =>
    visibleQuestions(withContext, answers, context).map((v) => v.question.id);

  it('shows the follow-ups of "we cannot say" as for the riskier answer', () => {
    expect(shown({ 'p.hosting': { value: 'own' } }, {})).not.toContain('u.retention');
    expect(shown({ 'p.hosting': { value: 'third_party' } }, {})).toContain('u.retention');
    expect(shown({ 'p.hosting': { value: 'unknown' } }, {})).toContain('u.retention');
  });

  it('reads the organisation’s use context, unstated counting as unknown unless the leaf says otherwise', () => {
    const own = { 'p.hosting': { value: 'own' } };
    expect(shown(own, { dataCategories: ['internal'] })).not.toContain('u.personal');
    expect(shown(own, { dataCategories: ['internal', 'personal'] })).toContain('u.personal');
    expect(shown(own, {})).toContain('u.personal');
    expect(shown(own)).toContain('u.personal');
    expect(shown(own, {})).not.toContain('u.dora');
    expect(shown(own, { supportsCriticalFunction: true })).toContain('u.dora');
    expect(shown(own, { supportsCriticalFunction: false })).not.toContain('u.dora');
  });

  it('widens a profile question that feeds inherent risk to "its answer or the use context"', () => {
    const mirrored = template([
      section('profile', [
        q({
          id: 'p.data',
          type: 'multiple_choice',
          weight: 0,
          inherentFactor: 'data_categories',
          options: [
            { value: 'internal', label: 'Internal' },
            { value: 'personal', label: 'Personal data' },
          ],
        }),
      ]),
      section('gdpr', [q({ id: 'g.terms', type: 'yes_no' })], {
        condition: { questionId: 'p.data', includesAny: ['personal'] },
      }),
    ]);
    const vendorSays = { 'p.data': { value: ['internal'] } };
    expect(isSectionVisible(mirrored, 'gdpr', vendorSays, {})).toBe(false);
    expect(isSectionVisible(mirrored, 'gdpr', vendorSays, { dataCategories: ['personal'] })).toBe(true);
    // The vendor page's public copy spells the union out and agrees.
    const published = toPublicTemplate(mirrored);
    expect(isSectionVisible(published, 'gdpr', vendorSays, { dataCategories: ['personal'] })).toBe(true);
    expect(isSectionVisible(published, 'gdpr', vendorSays, {})).toBe(false);
  });
});
