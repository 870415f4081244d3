import fc from 'fast-check';
import { riskTiers } from '../assessments/assessment-states';
import { euAiActClasses } from '../inventory/inventory-enums';
import { a10TemplateV2 } from '../questionnaire/a10-template-v2';
import type { AnswerInput, Answers } from '../questionnaire/answer-schema';
import type { EvidenceByQuestion } from '../questionnaire/evidence-summary';
import { autonomyLevels, dataCategories, decisionImpacts } from '../questionnaire/profile-vocabulary';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question, Template } from '../questionnaire/template-schema';
import type { UseContext } from '../questionnaire/use-context';
import { resolveVisibility } from '../questionnaire/visibility';
import { bestAnswer } from './a10-answers.fixture';
import type { ScoreInput } from './score-input-schema';

/** Every property test runs at least this many cases; fast-check prints the seed of a failure. */
export const RUNS = { numRuns: 500 } as const;
/** Generous, because these machines are shared: 500 cases must not fail on a slow moment. */
export const PROPERTY_TIMEOUT_MS = 600_000;

export const template: Template = a10TemplateV2;
export const allQuestions: readonly Question[] = template.sections.flatMap((s) => s.questions);

/** The organisation's use context: any field may be unstated. */
export const contextArb: fc.Arbitrary<UseContext> = fc.record(
  {
    dataCategories: fc.subarray([...dataCategories], { minLength: 1 }),
    decisionsAboutPeople: fc.constantFrom(...decisionImpacts),
    autonomy: fc.constantFrom(...autonomyLevels),
    euAiActClass: fc.constantFrom(...euAiActClasses.filter((c) => c !== 'prohibited')),
    supportsCriticalFunction: fc.boolean(),
    expectedUsers: fc.nat(3000),
    observedUsers: fc.nat(3000),
    businessCriticality: fc.constantFrom(...riskTiers),
  },
  { requiredKeys: [] },
);

/** One random decision per question; which of them count depends on what the template shows. */
type Pick = {
  index: number;
  subset: boolean[];
  na: boolean;
  blank: boolean;
  files: number;
  verified: number;
};
const pickArb: fc.Arbitrary<Pick> = fc.record({
  index: fc.nat(29),
  subset: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  na: fc.boolean(),
  blank: fc.boolean(),
  files: fc.nat(2),
  verified: fc.nat(2),
});

/** `bestBias` in tenths: how often a question gets its best answer; 10 is an exemplary vendor. */
function answerFor(question: Question, pick: Pick, bestBias: number): AnswerInput | undefined {
  if (question.type === 'file') return undefined;
  if (bestBias === 10) return bestAnswer(question);
  if (question.allowNotApplicable && pick.na && pick.index % 3 === 0) return { notApplicable: true };
  if (!question.required && pick.blank) return undefined;
  if (pick.index % 10 < bestBias) return bestAnswer(question);
  const options = effectiveOptions(question);
  switch (question.type) {
    case 'yes_no':
    case 'single_choice':
      return { value: options[pick.index % options.length]?.value };
    case 'multiple_choice': {
      const exclusive = options.filter((o) => o.exclusive);
      const combinable = options.filter((o) => !o.exclusive);
      if (exclusive.length > 0 && pick.index % 4 === 0) {
        return { value: [exclusive[pick.index % exclusive.length]?.value] };
      }
      const chosen = combinable.filter((_, i) => pick.subset[i % pick.subset.length]).map((o) => o.value);
      return { value: chosen.length > 0 ? chosen : [combinable[0]?.value] };
    }
    case 'number':
      return { value: pick.index };
    case 'date':
      return { value: '2025-06-30' };
    case 'text':
      return { value: `Answer ${pick.index}` };
  }
}

export type Case = {
  context: UseContext;
  answers: Record<string, AnswerInput>;
  evidence: Record<string, { count: number; verified: number }>;
};

/**
 * A complete answer set a vendor could submit for a random use: every question the template shows
 * for those answers and that use gets a valid answer (required ones always; optional ones may stay
 * blank; N/A only where allowed), and no hidden question has one. Conditions only look back, so one
 * pass of resolveVisibility over a full set of picks decides what is shown. `fixed` answers (and
 * context fields) are imposed first. Some cases lean towards the best answers, so "approve" occurs.
 */
export function caseArb(
  fixed: {
    answers?: Answers;
    context?: UseContext;
    contexts?: fc.Arbitrary<UseContext>;
    bias?: number[];
  } = {},
): fc.Arbitrary<Case> {
  return fc
    .record({
      context: fixed.contexts ?? contextArb,
      picks: fc.array(pickArb, { minLength: allQuestions.length, maxLength: allQuestions.length }),
      bestBias: fc.constantFrom(...(fixed.bias ?? [0, 5, 9, 10])),
    })
    .map(({ context: drawn, picks, bestBias }) => {
      const context = { ...drawn, ...fixed.context };
      const all: Record<string, AnswerInput> = {};
      allQuestions.forEach((question, i) => {
        const given = fixed.answers?.[question.id];
        const answer = given ?? answerFor(question, picks[i] as Pick, bestBias);
        if (answer !== undefined) all[question.id] = answer;
      });
      const shown = resolveVisibility(template, all, context).questions.map((v) => v.question);
      const answers: Record<string, AnswerInput> = {};
      const evidence: Record<string, { count: number; verified: number }> = {};
      for (const question of shown) {
        const i = allQuestions.indexOf(question);
        const pick = picks[i] as Pick;
        if (Object.hasOwn(all, question.id)) answers[question.id] = all[question.id] as AnswerInput;
        if (question.evidence?.requested) {
          const exemplary = bestBias === 10;
          const count =
            exemplary || (question.type === 'file' && question.required)
              ? Math.max(1, pick.files)
              : pick.files;
          const verified = exemplary ? count : Math.min(count, pick.verified);
          if (count > 0) evidence[question.id] = { count, verified };
        }
      }
      return { context, answers, evidence };
    });
}

export const inputOf = (
  c: Case,
  answers: Answers = c.answers,
  evidence: EvidenceByQuestion = c.evidence,
): ScoreInput => ({
  template,
  answers,
  evidence,
  useContext: c.context,
});

export const visibleIds = (answers: Answers, context: UseContext): Set<string> =>
  new Set(resolveVisibility(template, answers, context).questions.map((v) => v.question.id));
