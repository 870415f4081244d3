import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from './a10-template-v1';
import { missingRequired } from './completeness';
import { publicTemplateSchema, toPublicTemplate } from './public-view';
import { q, section, template, testProfile } from './template.fixture';
import { visibleQuestions } from './visibility';

const privateKeys = [
  'weight',
  'points',
  'knockOut',
  'tags',
  'iso42001',
  'euAiAct',
  'gdpr',
  'dora',
  'nis2',
  'iso27001',
  'inherentFactor',
  'aggregate',
  'numberBands',
  'key',
];

function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) allKeys(item, keys);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      allKeys(inner, keys);
    }
  }
  return keys;
}

describe('toPublicTemplate', () => {
  const view = toPublicTemplate(a10TemplateV1);

  it('exposes no weights, points, knock-outs, tags or other internal fields', () => {
    const serialised = JSON.stringify(view);
    const keys = allKeys(JSON.parse(serialised));
    for (const key of privateKeys) expect(keys.has(key), key).toBe(false);
    for (const key of privateKeys) expect(serialised).not.toContain(`"${key}":`);
  });

  it('keeps what the vendor page needs, and fits its own strict schema', () => {
    expect(publicTemplateSchema.parse(view)).toEqual(view);
    const training = view.sections.find((s) => s.id === 'training');
    // A condition on a profile question that mirrors the use context is spelled out as the union.
    const original = a10TemplateV1.sections.find((s) => s.id === 'training')?.condition;
    expect(training?.condition).toEqual({
      any: [
        original,
        { useContext: 'dataCategories', includesAny: expect.any(Array), ifUnstated: 'no_match' },
      ],
    });
    const iso = view.sections.flatMap((s) => s.questions).find((x) => x.id === 'gov.iso42001');
    expect(iso).toMatchObject({
      type: 'single_choice',
      required: true,
      allowNotApplicable: false,
      allowComment: true,
      evidence: { requested: true, label: expect.any(String), certificateExpiry: true },
    });
    expect(iso?.options?.[0]).toEqual({ value: 'certified', label: 'Certified, with this service in scope' });
  });

  it('spells out yes/no options so the page can label them', () => {
    const yn = view.sections.flatMap((s) => s.questions).find((x) => x.id === 'gov.ai_policy');
    expect(yn?.options).toEqual([
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ]);
  });

  it('drops fields added to a question unless they are published on purpose', () => {
    const t = template([testProfile, section('a', [q({ id: 'a.one', type: 'yes_no' })])]);
    const sneaky = { ...t.sections[1]!.questions[0]!, internalNote: 'vendor is weak here' };
    const withNote = template([testProfile, section('a', [sneaky])]);
    expect(JSON.stringify(toPublicTemplate(withNote))).not.toContain('internalNote');
  });

  it('drives the same visibility and submit checks client-side as server-side', () => {
    const answers = {
      'profile.data_categories': { value: ['personal'] },
      'profile.autonomy': { value: 'assisted' },
      'profile.ai_act_class': { value: 'gpai' },
    };
    const ids = (v: { question: { id: string } }[]) => v.map((x) => x.question.id);
    expect(ids(visibleQuestions(view, answers))).toEqual(ids(visibleQuestions(a10TemplateV1, answers)));
    expect(missingRequired(view, answers)).toEqual(missingRequired(a10TemplateV1, answers));
  });
});
