import { describe, expect, it } from 'vitest';
import type { Answers } from '../questionnaire/answer-schema';
import { defaultResponsibilities, responsibilityMatrixSchema } from './responsibilities';
import { responsibilitiesFromAnswers } from './responsibility-prefill';

const answers = (values: Record<string, unknown>): Answers =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));

describe('responsibilities prefilled from the vendor answers', () => {
  it('keeps the default split when nothing relevant was answered', () => {
    expect(responsibilitiesFromAnswers({})).toEqual(defaultResponsibilities());
  });

  it('reads a capable vendor as sharing monitoring, incidents, transparency and oversight', () => {
    const matrix = responsibilitiesFromAnswers(
      answers({
        'profile.data_categories': ['internal', 'personal'],
        'prov.model_hosting': 'third_party_api',
        'train.fine_tuning_sources': 'Licensed support transcripts',
        'eval.drift': 'yes',
        'inc.process': 'yes',
        'inc.customer_notice': 'within_24h',
        'doc.system_card': 'yes',
        'doc.instructions': 'yes',
        'doc.limitations': 'yes',
        'ovs.review': 'yes',
        'ovs.override': 'yes',
        'ovs.stop': 'yes',
      }),
    );
    expect(responsibilityMatrixSchema.parse(matrix)).toEqual(matrix);
    expect(matrix.providing_data.party).toBe('organisation');
    expect(matrix.model_development.party).toBe('supplier');
    expect(matrix.model_development.note).toContain('a fourth party');
    expect(matrix.model_development.note).toContain('Licensed support transcripts');
    expect(matrix.performance_monitoring.party).toBe('shared');
    expect(matrix.incident_handling).toEqual({
      party: 'shared',
      note: 'The vendor has a written AI incident process; it tells us within 24 hours.',
    });
    expect(matrix.user_transparency.party).toBe('shared');
    expect(matrix.human_oversight.party).toBe('shared');
    expect(matrix.deployment).toEqual(defaultResponsibilities().deployment);
  });

  it('puts on the organisation what the vendor does not do, and says so', () => {
    const matrix = responsibilitiesFromAnswers(
      answers({
        'profile.data_categories': ['none'],
        'eval.drift': 'no',
        'inc.process': 'no',
        'doc.system_card': 'no',
        'doc.instructions': 'yes',
        'ovs.review': 'yes',
        'ovs.override': 'no',
      }),
    );
    expect(matrix.providing_data.party).toBe('not_applicable');
    expect(matrix.performance_monitoring).toEqual({
      party: 'organisation',
      note: 'The vendor does not monitor quality in production.',
    });
    expect(matrix.incident_handling.party).toBe('organisation');
    expect(matrix.user_transparency).toEqual({
      party: 'organisation',
      note: 'The vendor does not provide a system card (it does provide guidance on intended use); we inform our users ourselves.',
    });
    expect(matrix.human_oversight.party).toBe('organisation');
    expect(matrix.human_oversight.note).toContain('change or reject an output');
  });

  it('notes training on our data and a vendor that will not tell us about incidents', () => {
    const matrix = responsibilitiesFromAnswers(
      answers({
        'profile.data_categories': ['confidential'],
        'train.default_use': 'no_opt_out',
        'inc.process': 'yes',
        'inc.customer_notice': 'no_commitment',
      }),
    );
    expect(matrix.providing_data.note).toContain('with no way to opt out');
    expect(matrix.incident_handling).toEqual({
      party: 'organisation',
      note: 'The vendor does not commit to telling us about incidents.',
    });
  });

  it('treats a question marked not applicable as unanswered, except fine-tuning (none done)', () => {
    const matrix = responsibilitiesFromAnswers({
      'eval.drift': { notApplicable: true },
      'train.fine_tuning_sources': { notApplicable: true },
    });
    expect(matrix.performance_monitoring).toEqual(defaultResponsibilities().performance_monitoring);
    expect(matrix.model_development.note).toBe(
      'The vendor does not fine-tune or adapt models for the service.',
    );
  });

  it('ignores inherited keys and values of the wrong shape', () => {
    const hostile = JSON.parse('{"__proto__": {"value": "yes"}, "eval.drift": {"value": 3}}') as Answers;
    expect(responsibilitiesFromAnswers(hostile)).toEqual(defaultResponsibilities());
  });

  it('keeps notes within the schema limit', () => {
    const matrix = responsibilitiesFromAnswers(
      answers({ 'train.fine_tuning_sources': 'x'.repeat(5000), 'prov.model_hosting': 'own_models' }),
    );
    expect(responsibilityMatrixSchema.safeParse(matrix).success).toBe(true);
  });
});
