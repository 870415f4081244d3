import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EuAiActClass, euAiActClasses } from '../inventory/inventory-enums';
import type { AnswerInput } from '../questionnaire/answer-schema';
import type { AutonomyLevel, DataCategory, DecisionImpact } from '../questionnaire/profile-vocabulary';
import { isScorable } from '../questionnaire/question-helpers';
import type { UseContext } from '../questionnaire/use-context';
import { approvalConditionsText } from './approval-conditions';
import { scoreAssessment } from './score-assessment';
import {
  allQuestions,
  caseArb,
  inputOf,
  PROPERTY_TIMEOUT_MS,
  RUNS,
  visibleIds,
} from './scoring-arbitraries.fixture';

/** Rules 4–7 of the scoring, as properties over the whole shipped v2 template (see rules 1–3). */
const numbers = (r: ReturnType<typeof scoreAssessment>) => ({
  residual: r.residual,
  inherent: r.inherent.score,
  knockOuts: r.knockOuts.map((k) => `${k.questionId}=${k.answer}`),
  recommendation: r.recommendation,
});

describe('rule 4: an unclassified use counts as the riskiest plausible class', () => {
  const plausible = euAiActClasses.filter((c) => c !== 'prohibited' && c !== 'unknown');

  it(
    'scores "not yet classified" (ours or the vendor’s) exactly as high-risk, and no plausible class higher',
    () => {
      fc.assert(
        fc.property(caseArb(), fc.boolean(), (c, vendorSide) => {
          const as = (ours: string | undefined, theirs?: string) => {
            const answers: Record<string, AnswerInput> = { ...c.answers };
            if (theirs) answers['profile.ai_act_class'] = { value: theirs };
            const { euAiActClass: _, ...rest } = c.context;
            const context = ours ? { ...rest, euAiActClass: ours as (typeof plausible)[number] } : rest;
            return { result: scoreAssessment(inputOf({ ...c, context }, answers)), answers, context };
          };
          const unknown = vendorSide ? as('minimal', 'unknown') : as(undefined);
          const highRisk = vendorSide ? as('minimal', 'high_risk') : as('high_risk');
          expect(numbers(unknown.result)).toEqual(numbers(highRisk.result));
          if (!vendorSide) expect(numbers(as('unknown').result)).toEqual(numbers(highRisk.result));
          for (const cls of plausible) {
            const other = as(cls);
            expect(unknown.result.inherent.score, cls).toBeGreaterThanOrEqual(other.result.inherent.score);
            const shownUnknown = visibleIds(unknown.answers, unknown.context);
            for (const id of visibleIds(other.answers, other.context))
              expect(shownUnknown.has(id), id).toBe(true);
          }
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('rule 5: a reviewer sees every N/A, unknown and blank with what it took out', () => {
  it(
    'records, for each N/A, the question it removed from the sums and what it hid; an unknown hides nothing',
    () => {
      const byId = new Map(allQuestions.map((q) => [q.id, q]));
      fc.assert(
        fc.property(caseArb(), (c) => {
          const result = scoreAssessment(inputOf(c));
          const now = visibleIds(c.answers, c.context);
          for (const item of result.breakdown) {
            const question = byId.get(item.questionId);
            if (!question) throw new Error(item.questionId);
            if (item.notApplicable) {
              expect(question.allowNotApplicable).toBe(true);
              const blank = visibleIds({ ...c.answers, [item.questionId]: undefined }, c.context);
              const hid = [...blank].filter((id) => !now.has(id));
              expect(item.nonAnswer).toMatchObject({ kind: 'not_applicable', hid });
              expect(item.nonAnswer?.removedFromSums.includes(item.questionId)).toBe(isScorable(question));
              expect(item.scored).toBe(false);
            }
            if (item.nonAnswer && item.nonAnswer.kind !== 'not_applicable') {
              expect(item.nonAnswer.hid).toEqual([]);
              expect(item.nonAnswer.removedFromSums).toEqual([]);
            }
          }
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('rule 6: knock-outs cover the legal floor', () => {
  const floor: [string, string][] = [
    ['reg.processor_terms', 'no'],
    ['ret.transfer_basis', 'none'],
    ['ret.deletion_at_exit', 'kept'],
    ['train.default_use', 'no_opt_out'],
    ['inc.customer_notice', 'no_commitment'],
    ['reg.prohibited_practice', 'yes'],
    ['reg.conformity', 'not_started'],
    ['reg.conformity', 'in_progress'],
    ['reg.conformity', 'completed_unregistered'],
    ['reg.conformity', 'not_offered_for_this'],
  ];

  it(
    'rejects each legal-floor answer, and the same question left blank, whatever else the vendor answered',
    () => {
      // Personal data, a high-risk use and a transfer to the US: every legal-floor question is asked.
      const cases = caseArb({
        context: { dataCategories: ['personal'], euAiActClass: 'high_risk' },
        answers: { 'ret.regions': { value: ['eea', 'us'] } },
      });
      fc.assert(
        fc.property(cases, fc.constantFrom(...floor), fc.boolean(), (c, [questionId, answer], blank) => {
          expect(visibleIds(c.answers, c.context).has(questionId)).toBe(true);
          const result = scoreAssessment(
            inputOf(c, { ...c.answers, [questionId]: blank ? undefined : { value: answer } }),
          );
          expect(result.knockOuts.map((k) => k.questionId)).toContain(questionId);
          expect(result.recommendation).toBe('reject');
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('rule 7: "approve with conditions" names its conditions; no shortfall means "approve"', () => {
  it(
    'lists every shortfall as a condition in words, and approves when there is none',
    () => {
      // Uses where every recommendation occurs: approve, with conditions, escalate, reject.
      const milder: fc.Arbitrary<UseContext> = fc.record(
        {
          dataCategories: fc.constantFrom<DataCategory[]>(['internal'], ['personal'], ['confidential']),
          decisionsAboutPeople: fc.constantFrom<DecisionImpact>('none', 'informs'),
          autonomy: fc.constantFrom<AutonomyLevel>('none', 'assisted'),
          euAiActClass: fc.constantFrom<EuAiActClass>('minimal', 'limited', 'high_risk'),
          expectedUsers: fc.nat(2000),
        },
        { requiredKeys: ['euAiActClass'] },
      );
      fc.assert(
        fc.property(caseArb({ contexts: milder, bias: [8, 9, 10] }), (c) => {
          const result = scoreAssessment(inputOf(c));
          const shortfalls = result.breakdown
            .filter((b) => b.scored && b.points !== null && b.points < 1)
            .map((b) => b.questionId)
            .sort();
          const conditions = result.conditions ?? [];
          expect(conditions.map((x) => x.questionId).sort()).toEqual(shortfalls);
          for (const condition of conditions) {
            expect(condition.question.length).toBeGreaterThan(0);
            expect(condition.answer.length).toBeGreaterThan(0);
            expect(condition.fix.length).toBeGreaterThan(0);
          }
          if (result.recommendation === 'approve_with_conditions') {
            expect(conditions.length).toBeGreaterThan(0);
            expect(approvalConditionsText(conditions).split('\n')).toHaveLength(conditions.length);
          }
          if (result.knockOuts.length === 0 && conditions.length === 0) {
            expect(result.recommendation).toBe('approve');
          }
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
