import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a10TemplateV2 } from '../questionnaire/a10-template-v2';
import type { AnswerInput } from '../questionnaire/answer-schema';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question } from '../questionnaire/template-schema';
import { scoreAssessment } from './score-assessment';
import type { ScoreInput } from './score-input-schema';
import { PROPERTY_TIMEOUT_MS } from './scoring-arbitraries.fixture';

const questions = a10TemplateV2.sections.flatMap((s) => s.questions);

/** Valid answers mostly, with some blanks, N/As and answers that no longer fit the question. */
function answerFor(question: Question): fc.Arbitrary<AnswerInput | undefined> {
  const values = effectiveOptions(question).map((o) => o.value);
  const valid: fc.Arbitrary<unknown> =
    question.type === 'yes_no' || question.type === 'single_choice'
      ? fc.constantFrom(...values)
      : question.type === 'multiple_choice'
        ? fc.subarray(
            values.filter((v) => !effectiveOptions(question).find((o) => o.value === v)?.exclusive),
            { minLength: 1 },
          )
        : question.type === 'number'
          ? fc.nat(5000)
          : question.type === 'date'
            ? fc.constant('2025-06-30')
            : question.type === 'text'
              ? fc.string({ maxLength: 20 })
              : fc.constant(null);
  return fc.oneof(
    { weight: 6, arbitrary: valid.map((value) => ({ value })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant({ notApplicable: true }) },
    { weight: 1, arbitrary: fc.constant({ value: 'not-an-option' }) },
  );
}

const inputArb: fc.Arbitrary<ScoreInput> = fc
  .record({
    answers: fc.tuple(...questions.map(answerFor)),
    evidence: fc.array(
      fc.record({
        id: fc.constantFrom(...questions.map((x) => x.id)),
        count: fc.nat(3),
        verified: fc.nat(3),
      }),
      { maxLength: 10 },
    ),
    overrides: fc.array(
      fc.record({
        id: fc.constantFrom(...questions.map((x) => x.id)),
        points: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 5 },
    ),
    observedUsers: fc.option(fc.nat(10_000), { nil: undefined }),
  })
  .map(({ answers, evidence, overrides, observedUsers }) => ({
    template: a10TemplateV2,
    answers: Object.fromEntries(
      questions.flatMap((question, i) => (answers[i] === undefined ? [] : [[question.id, answers[i]]])),
    ),
    evidence: Object.fromEntries(
      evidence.map((e) => [e.id, { count: Math.max(e.count, e.verified), verified: e.verified }]),
    ),
    overrides: Object.fromEntries(
      overrides.map((o) => [o.id, { points: o.points, reason: 'checked', by: 'r' }]),
    ),
    useContext: observedUsers === undefined ? {} : { observedUsers },
  }));

/** Same entries, keys inserted in another order. */
function reorder<T>(record: Record<string, T>, order: readonly string[]): Record<string, T> {
  return Object.fromEntries(order.filter((k) => Object.hasOwn(record, k)).map((k) => [k, record[k] as T]));
}

describe('scoring is deterministic', () => {
  it(
    'gives the same result for the same input',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const copy = structuredClone(input);
          expect(scoreAssessment(copy)).toEqual(scoreAssessment(input));
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'does not depend on the order of keys in answers, evidence or overrides',
    () => {
      const ids = questions.map((x) => x.id);
      fc.assert(
        fc.property(inputArb, fc.shuffledSubarray(ids, { minLength: ids.length }), (input, order) => {
          const permuted: ScoreInput = {
            ...input,
            answers: reorder(input.answers as Record<string, AnswerInput>, order),
            evidence: reorder(input.evidence as Record<string, { count: number; verified: number }>, order),
            overrides: reorder(
              input.overrides as Record<string, { points: number; reason: string; by: string }>,
              order,
            ),
          };
          expect(JSON.stringify(scoreAssessment(permuted))).toBe(JSON.stringify(scoreAssessment(input)));
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'keeps residual scores within 0–100, with contributions adding up to the overall score',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const result = scoreAssessment(input);
          const scores = [result.residual.overall, ...Object.values(result.residual.bySection)];
          for (const score of scores) if (score !== null) expect(score).toBeGreaterThanOrEqual(0);
          for (const score of scores) if (score !== null) expect(score).toBeLessThanOrEqual(100);
          const sum = result.breakdown.reduce((s, b) => s + b.contribution, 0);
          if (result.residual.overall === null) expect(sum).toBe(0);
          else
            expect(Math.abs(sum - result.residual.overall)).toBeLessThan(
              0.01 * result.breakdown.length + 0.01,
            );
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
