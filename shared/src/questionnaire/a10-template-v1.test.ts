import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from './a10-template-v1';
import type { Answers } from './answer-schema';
import { effectiveOptions } from './question-helpers';
import { parseTemplate } from './template-schema';
import { resolveVisibility } from './visibility';

const questions = a10TemplateV1.sections.flatMap((s) => s.questions);

function shown(answers: Answers) {
  const v = resolveVisibility(a10TemplateV1, answers);
  return { sections: v.sections, ids: new Set(v.questions.map((x) => x.question.id)) };
}

/** A team tool: no data in, no people affected, no agents, minimal risk. */
const lowRisk: Answers = {
  'profile.data_categories': { value: ['none'] },
  'profile.decisions_about_people': { value: 'none' },
  'profile.autonomy': { value: 'none' },
  'profile.ai_act_role': { value: ['system_provider'] },
  'profile.ai_act_class': { value: 'minimal' },
};

/** Everything switched on. */
const highRisk: Answers = {
  'profile.data_categories': { value: ['personal', 'special_category'] },
  'profile.decisions_about_people': { value: 'decides' },
  'profile.autonomy': { value: 'autonomous' },
  'profile.ai_act_role': { value: ['system_provider', 'model_provider'] },
  'profile.ai_act_class': { value: 'high_risk' },
  'prov.model_hosting': { value: 'mixed' },
  'ret.regions': { value: ['eea', 'us'] },
  'train.default_use': { value: 'default_opt_out' },
};

describe('the shipped A.10 template v1', () => {
  it('passes its own schema and rules', () => {
    const result = parseTemplate(a10TemplateV1);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has a profile followed by the twelve topic sections', () => {
    expect(a10TemplateV1.key).toBe('iso42001-a10');
    expect(a10TemplateV1.sections.map((s) => s.id)).toEqual([
      'profile',
      'provenance',
      'training',
      'retention',
      'regulatory',
      'governance',
      'transparency',
      'evaluation',
      'security',
      'oversight',
      'incidents',
      'contract',
      'evidence',
    ]);
  });

  it('asks between 50 and 90 questions, each tagged with an ISO/IEC 42001 item', () => {
    expect(questions.length).toBeGreaterThanOrEqual(50);
    expect(questions.length).toBeLessThanOrEqual(90);
    for (const question of questions) expect(question.tags.iso42001.length, question.id).toBeGreaterThan(0);
    expect(questions.some((x) => x.tags.iso42001.includes('A.10.2'))).toBe(true);
    expect(questions.some((x) => x.tags.iso42001.includes('A.10.4'))).toBe(true);
  });

  it('uses every question type', () => {
    const types = new Set(questions.map((x) => x.type));
    expect([...types].sort()).toEqual(
      ['date', 'file', 'multiple_choice', 'number', 'single_choice', 'text', 'yes_no'].sort(),
    );
  });

  it('carries the four knock-outs of the question bank', () => {
    const knockOuts = questions.flatMap((x) =>
      effectiveOptions(x)
        .filter((o) => o.knockOut)
        .map((o) => `${x.id}=${o.value}`),
    );
    expect(knockOuts).toEqual(
      expect.arrayContaining([
        'train.default_use=no_opt_out',
        'reg.processor_terms=no',
        'profile.ai_act_class=prohibited',
        'reg.prohibited_practice=yes',
        'inc.customer_notice=no_commitment',
      ]),
    );
  });

  it('asks for certificates with expiry dates', () => {
    const withExpiry = questions.filter((x) => x.evidence?.certificateExpiry).map((x) => x.id);
    expect(withExpiry).toEqual(expect.arrayContaining(['gov.iso42001', 'sec.iso27001', 'sec.soc2']));
  });

  it('gives a low-risk profile a short questionnaire', () => {
    const { sections, ids } = shown(lowRisk);
    expect(sections.get('training')).toBe(false);
    expect(sections.get('retention')).toBe(false);
    expect(sections.get('oversight')).toBe(false);
    for (const id of [
      'reg.processor_terms',
      'reg.gpai_documentation',
      'reg.conformity',
      'sec.tool_permissions',
    ]) {
      expect(ids.has(id), id).toBe(false);
    }
    expect(ids.size).toBeLessThan(55);
  });

  it('switches sections and questions on as the profile demands', () => {
    const { sections, ids } = shown(highRisk);
    for (const id of a10TemplateV1.sections.map((s) => s.id)) expect(sections.get(id), id).toBe(true);
    for (const id of [
      'reg.processor_terms',
      'reg.automated_decisions',
      'reg.conformity',
      'reg.gpai_systemic_risk',
      'ret.transfer_basis',
      'train.opt_out_scope',
      'train.upstream',
      'sec.kill_switch',
      'ovs.review',
      'inc.authority_reporting',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(ids.size).toBe(questions.length);
  });

  it('shows the GDPR questions only when personal data is involved', () => {
    const internal = shown({ ...lowRisk, 'profile.data_categories': { value: ['internal'] } });
    expect(internal.sections.get('retention')).toBe(true);
    expect(internal.ids.has('reg.processor_terms')).toBe(false);
    const personal = shown({ ...lowRisk, 'profile.data_categories': { value: ['personal'] } });
    expect(personal.ids.has('reg.processor_terms')).toBe(true);
  });

  it('shows the general-purpose model questions for a GPAI class or a model-provider role', () => {
    expect(
      shown({ ...lowRisk, 'profile.ai_act_class': { value: 'gpai' } }).ids.has('reg.gpai_documentation'),
    ).toBe(true);
    const role = shown({ ...lowRisk, 'profile.ai_act_role': { value: ['model_provider'] } });
    expect(role.ids.has('reg.gpai_documentation')).toBe(true);
  });

  it('shows human oversight when outputs inform decisions about people, agent controls when tools are used', () => {
    const informs = shown({ ...lowRisk, 'profile.decisions_about_people': { value: 'informs' } });
    expect(informs.sections.get('oversight')).toBe(true);
    expect(informs.ids.has('reg.automated_decisions')).toBe(false);
    const assisted = shown({ ...lowRisk, 'profile.autonomy': { value: 'assisted' } });
    expect(assisted.ids.has('sec.tool_permissions')).toBe(true);
    expect(assisted.ids.has('sec.kill_switch')).toBe(false);
  });
});
