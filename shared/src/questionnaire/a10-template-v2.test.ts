import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from './a10-template-v1';
import { a10TemplateV2 } from './a10-template-v2';
import type { Answers } from './answer-schema';
import { conditionLeaves } from './condition-schema';
import { crosswalk } from './crosswalk';
import { describeReference } from './legal-references';
import { effectiveOptions } from './question-helpers';
import { parseTemplate, type Question, type Template, tagFrameworks } from './template-schema';
import type { UseContext } from './use-context';
import { resolveVisibility } from './visibility';

const questions = a10TemplateV2.sections.flatMap((s) => s.questions);
const byId = (id: string) => questions.find((q) => q.id === id) as Question;

const countBySection = (t: Template) => Object.fromEntries(t.sections.map((s) => [s.id, s.questions.length]));

const vendor: Answers = {
  'profile.ai_act_role': { value: ['system_provider'] },
  'profile.gpai_model': { value: ['none'] },
  'profile.ai_act_class': { value: 'minimal' },
  'prov.model_hosting': { value: 'own_models' },
  'ret.regions': { value: ['eea'] },
};
const shown = (context: UseContext, answers: Answers = vendor) => {
  const v = resolveVisibility(a10TemplateV2, answers, context);
  return { sections: v.sections, ids: new Set(v.questions.map((x) => x.question.id)) };
};

describe('the shipped A.10 template v2', () => {
  it('passes its own schema and rules, as version 2 of the same key', () => {
    const result = parseTemplate(a10TemplateV2);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(a10TemplateV2.key).toBe(a10TemplateV1.key);
    expect(a10TemplateV2.version).toBe(2);
  });

  it('asks between 50 and 90 questions; question counts by section, v1 → v2', () => {
    expect(countBySection(a10TemplateV1)).toEqual({
      profile: 7,
      provenance: 5,
      training: 5,
      retention: 7,
      regulatory: 11,
      governance: 5,
      transparency: 4,
      evaluation: 5,
      security: 10,
      oversight: 4,
      incidents: 4,
      contract: 6,
      evidence: 6,
    });
    expect(countBySection(a10TemplateV2)).toEqual({
      profile: 3,
      provenance: 5,
      training: 5,
      retention: 8,
      regulatory: 17,
      governance: 5,
      transparency: 4,
      evaluation: 5,
      security: 15,
      oversight: 4,
      incidents: 4,
      contract: 8,
      evidence: 6,
    });
    expect(questions.length).toBe(89);
  });

  it('asks the vendor nothing about our use: conditions on our use read the use context', () => {
    const removed = [
      'profile.purpose',
      'profile.data_categories',
      'profile.user_count',
      'profile.decisions_about_people',
      'profile.autonomy',
    ];
    for (const id of removed)
      expect(
        questions.some((q) => q.id === id),
        id,
      ).toBe(false);
    expect(questions.filter((q) => q.inherentFactor).map((q) => q.id)).toEqual(['profile.ai_act_class']);
    const contextFields = new Set(
      [...a10TemplateV2.sections.map((s) => s.condition), ...questions.map((q) => q.condition)]
        .flatMap((c) => (c ? conditionLeaves(c) : []))
        .flatMap((l) => (l.source === 'context' ? [l.field] : [])),
    );
    expect([...contextFields].sort()).toEqual([
      'autonomy',
      'dataCategories',
      'decisionsAboutPeople',
      'euAiActClass',
      'supportsCriticalFunction',
    ]);
  });

  it('tags every question with entries of the list of real controls and articles (v1 and v2)', () => {
    for (const template of [a10TemplateV1, a10TemplateV2]) {
      for (const question of template.sections.flatMap((s) => s.questions)) {
        for (const framework of tagFrameworks) {
          for (const item of question.tags[framework] ?? []) {
            expect(describeReference(framework, item), `${question.id}: ${framework} ${item}`).toBeDefined();
          }
        }
      }
    }
  });

  it('keeps the vendor’s own controls apart from ours: A.10.4 and vendor-side A.2–A.8 are the vendor’s', () => {
    const ours = /^(8\.1|A\.4\.\d|A\.5\.\d|A\.6\.2\.6|A\.6\.2\.8|A\.9\.\d|A\.10\.[23])$/;
    for (const question of questions) {
      for (const item of question.tags.iso42001) expect(item, question.id).toMatch(ours);
      expect(
        question.tags.iso42001.some((i) => i === 'A.10.2' || i === 'A.10.3'),
        question.id,
      ).toBe(true);
    }
    const a104 = crosswalk(a10TemplateV2).filter((e) => e.item === 'A.10.4');
    expect(a104.map((e) => [e.framework, e.whose])).toEqual([['iso42001Vendor', 'vendor']]);
  });

  it('carries the tag corrections of the regulator-minded review', () => {
    const tags = (id: string) => byId(id).tags;
    for (const q of questions.filter((x) => x.id.startsWith('sec.') && x.tags.gdpr)) {
      expect(q.tags.gdpr, q.id).toEqual(expect.arrayContaining(['Art. 32']));
    }
    expect(tags('sec.tenant_isolation').gdpr).toEqual(['Art. 28(3)(c)', 'Art. 32']);
    expect(tags('inc.authority_reporting').iso42001Vendor).toEqual(['A.8.4', 'A.8.5']);
    expect(tags('inc.customer_notice')).toMatchObject({
      gdpr: expect.arrayContaining(['Art. 33(2)']),
      nis2: ['Art. 23'],
      dora: expect.arrayContaining(['Art. 19']),
    });
    expect(tags('ctr.portability')).toMatchObject({
      gdpr: ['Art. 28(3)(g)'],
      dataAct: ['Art. 23', 'Art. 25'],
      dora: expect.arrayContaining(['Art. 30(3)(f)']),
    });
    expect(tags('ctr.output_rights').dora).toBeUndefined();
    expect(tags('evd.attestation').dora).toBeUndefined();
    for (const id of ['ret.prompt_retention', 'ret.stored_items', 'ret.upstream_retention']) {
      expect(tags(id).iso42001, id).toEqual(['A.6.2.8', 'A.10.3']);
    }
    expect(tags('prov.models').iso42001).toEqual(['A.4.4', 'A.10.3']);
    expect(tags('sec.tool_vetting').iso42001).toEqual(['A.6.2.6', 'A.10.3']);
    expect(tags('ovs.override').iso42001).toContain('A.9.3');
    expect(tags('inc.process').iso27001).toEqual(['A.5.24', 'A.5.25', 'A.5.26']);
  });

  it('asks integrators for the model provider’s information, and GPAI duties only of model providers', () => {
    expect(byId('reg.gpai_integration').tags.euAiAct).toContain('Art. 53(1)(b)');
    expect(byId('profile.ai_act_class').options?.map((o) => o.value)).not.toContain('gpai');
    const integrator = shown({}, { ...vendor, 'profile.gpai_model': { value: ['third_party'] } });
    expect(integrator.ids.has('reg.gpai_integration')).toBe(true);
    expect(integrator.ids.has('reg.gpai_documentation')).toBe(false);
    const modelProvider = shown({}, { ...vendor, 'profile.ai_act_role': { value: ['model_provider'] } });
    expect(modelProvider.ids.has('reg.gpai_documentation')).toBe(true);
  });

  it('adds the topics a reviewer expects', () => {
    for (const id of [
      'reg.log_retention',
      'reg.fria_input',
      'reg.eu_representative',
      'reg.provider_shift',
      'reg.data_subject_rights',
      'ret.government_access',
      'ctr.unrestricted_audit',
      'ctr.business_continuity',
      'sec.vulnerability_handling',
      'sec.sso_mfa',
      'sec.secure_development',
      'sec.encryption',
      'sec.poisoning',
    ]) {
      expect(
        questions.some((q) => q.id === id),
        id,
      ).toBe(true);
    }
    // Logs kept six months score best for a high-risk use, and "not recorded" worst.
    const logs = effectiveOptions(byId('reg.log_retention'));
    expect(logs.find((o) => o.value === 'not_recorded')?.points).toBe(0);
  });

  it('offers "not applicable" only where a question can really not apply', () => {
    const withNa = questions.filter((q) => q.allowNotApplicable).map((q) => q.id);
    expect(withNa).toEqual([
      'train.fine_tuning_sources',
      'train.data_rights',
      'reg.transparency_duties',
      'evd.trust_centre',
    ]);
    const targets = new Set(
      [...a10TemplateV2.sections.map((s) => s.condition), ...questions.map((q) => q.condition)]
        .flatMap((c) => (c ? conditionLeaves(c) : []))
        .flatMap((l) => (l.source === 'answer' ? [l.questionId] : [])),
    );
    for (const id of withNa) {
      const q = byId(id);
      expect(targets.has(id), id).toBe(false);
      expect(
        effectiveOptions(q).some((o) => o.knockOut),
        id,
      ).toBe(false);
      expect(q.help, id).toMatch(/not applicable/);
    }
  });

  it('shows vendors no EU AI Act application date', () => {
    const shownText = JSON.stringify(
      a10TemplateV2.sections.map((s) => [
        s.title,
        s.description,
        s.questions.map((q) => [q.text, q.help, q.options?.map((o) => o.label)]),
      ]),
    );
    expect(shownText).not.toMatch(/\b(19|20)\d\d\b/);
    expect(shownText).not.toMatch(
      /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
    );
  });

  it('gives a low-risk use a short questionnaire, and switches on what our use context names', () => {
    const low = shown({
      dataCategories: ['none'],
      decisionsAboutPeople: 'none',
      autonomy: 'none',
      euAiActClass: 'minimal',
    });
    expect(low.sections.get('training')).toBe(false);
    expect(low.sections.get('retention')).toBe(false);
    expect(low.sections.get('oversight')).toBe(false);
    expect(low.ids.size).toBeLessThan(55);
    const all = shown(
      {
        dataCategories: ['personal'],
        decisionsAboutPeople: 'decides',
        autonomy: 'autonomous',
        euAiActClass: 'high_risk',
        supportsCriticalFunction: true,
      },
      {
        ...vendor,
        'profile.ai_act_role': { value: ['system_provider', 'model_provider'] },
        'profile.gpai_model': { value: ['own', 'third_party'] },
        'prov.model_hosting': { value: 'mixed' },
        'ret.regions': { value: ['eea', 'us'] },
        'train.default_use': { value: 'default_opt_out' },
      },
    );
    expect(all.ids.size).toBe(questions.length);
  });

  it('shows what an unknown would hide: hosting, regions and class "we cannot say"', () => {
    const ours: UseContext = { dataCategories: ['personal'], euAiActClass: 'minimal' };
    const unknownHosting = shown(ours, { ...vendor, 'prov.model_hosting': { value: 'unknown' } });
    expect(unknownHosting.ids.has('train.upstream')).toBe(true);
    expect(unknownHosting.ids.has('ret.upstream_retention')).toBe(true);
    const unknownRegions = shown(ours, { ...vendor, 'ret.regions': { value: ['unknown'] } });
    expect(unknownRegions.ids.has('ret.transfer_basis')).toBe(true);
    const unknownClass = shown(ours, { ...vendor, 'profile.ai_act_class': { value: 'unknown' } });
    expect(unknownClass.ids.has('reg.conformity')).toBe(true);
    expect(shown(ours).ids.has('reg.conformity')).toBe(false);
  });
});
