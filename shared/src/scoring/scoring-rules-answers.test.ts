import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerInput } from '../questionnaire/answer-schema';
import { evaluateCondition } from '../questionnaire/condition-schema';
import { type EvidenceFileFacts, summariseEvidence } from '../questionnaire/evidence-summary';
import { effectiveOptions } from '../questionnaire/question-helpers';
import { contextFieldState } from '../questionnaire/use-context';
import { recommendationRank } from './recommendation';
import { scoreAssessment } from './score-assessment';
import {
  allQuestions,
  caseArb,
  inputOf,
  PROPERTY_TIMEOUT_MS,
  RUNS,
  template,
  visibleIds,
} from './scoring-arbitraries.fixture';

/**
 * Rules 1–3 of the scoring, as properties over the whole shipped v2 template and random complete
 * answer sets a vendor could submit (scoring-arbitraries.fixture.ts). A failure prints its seed.
 */
const rank = (r: ReturnType<typeof scoreAssessment>) => recommendationRank[r.recommendation];

/** "We cannot say" where the question offers it, else a blank. */
function silence(questionId: string, preferUnknown: boolean): AnswerInput | undefined {
  const question = allQuestions.find((q) => q.id === questionId);
  const unknown = question ? effectiveOptions(question).find((o) => o.unknown) : undefined;
  if (!preferUnknown || !unknown || !question) return undefined;
  return { value: question.type === 'multiple_choice' ? [unknown.value] : unknown.value };
}

describe('rule 1: saying less never lowers risk', () => {
  it(
    'replacing answers with blank, "we cannot say" or "prefer not to say" never lowers residual or inherent risk, nor improves the recommendation',
    () => {
      fc.assert(
        fc.property(
          caseArb(),
          fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 }),
          (c, choices) => {
            const answered = Object.keys(c.answers);
            fc.pre(answered.length > 0);
            const less: Record<string, AnswerInput | undefined> = { ...c.answers };
            for (const [i, preferUnknown] of choices) {
              const id = answered[i % answered.length] as string;
              less[id] = silence(id, preferUnknown);
            }
            const before = scoreAssessment(inputOf(c));
            const after = scoreAssessment(inputOf(c, less));
            expect(after.residual.overall).not.toBeNull();
            expect(after.residual.overall as number).toBeGreaterThanOrEqual(
              before.residual.overall as number,
            );
            expect(after.inherent.score).toBeGreaterThanOrEqual(before.inherent.score);
            expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('rule 2: evidence never raises risk', () => {
  it(
    'attaching a file, or verifying one, never raises residual risk nor worsens the recommendation',
    () => {
      const asking = allQuestions.filter((q) => q.evidence?.requested).map((q) => q.id);
      fc.assert(
        fc.property(caseArb(), fc.constantFrom(...asking), fc.boolean(), (c, id, verify) => {
          fc.pre(visibleIds(c.answers, c.context).has(id));
          const now = c.evidence[id] ?? { count: 0, verified: 0 };
          const next =
            verify && now.verified < now.count
              ? { count: now.count, verified: now.verified + 1 }
              : { count: now.count + 1, verified: now.verified };
          const before = scoreAssessment(inputOf(c));
          const after = scoreAssessment(inputOf(c, c.answers, { ...c.evidence, [id]: next }));
          expect(after.residual.overall as number).toBeLessThanOrEqual(before.residual.overall as number);
          expect(rank(after)).toBeLessThanOrEqual(rank(before));
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'an expired file counts as no file at all',
    () => {
      const asking = allQuestions.filter((q) => q.evidence?.requested).map((q) => q.id);
      const fileArb = fc.record({
        questionId: fc.constantFrom(...asking),
        verified: fc.boolean(),
        expiresOn: fc.option(fc.constantFrom('2025-12-31', '2026-06-30', '2027-01-01'), { nil: null }),
      });
      fc.assert(
        fc.property(
          caseArb(),
          fc.array(fileArb, { maxLength: 8 }),
          fileArb,
          fc.constantFrom('2026-01-01', '2026-07-01'),
          (c, files, expired, today) => {
            const stale: EvidenceFileFacts = { ...expired, expiresOn: '2025-06-30' };
            const withStale = summariseEvidence([...files, stale], today);
            expect(withStale).toEqual(summariseEvidence(files, today));
            expect(scoreAssessment(inputOf(c, c.answers, withStale))).toEqual(
              scoreAssessment(inputOf(c, c.answers, summariseEvidence(files, today))),
            );
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('rule 3: visibility cannot be used to hide risk', () => {
  const controllers = allQuestions.filter((q) =>
    allQuestions.some((other) => JSON.stringify(other.condition ?? '').includes(`"${q.id}"`)),
  );

  it(
    'a blank or "we cannot say" shows every follow-up that any real answer would show',
    () => {
      fc.assert(
        fc.property(
          caseArb(),
          fc.constantFrom(...controllers),
          fc.boolean(),
          (c, question, preferUnknown) => {
            fc.pre(visibleIds(c.answers, c.context).has(question.id));
            const silent = visibleIds(
              { ...c.answers, [question.id]: silence(question.id, preferUnknown) },
              c.context,
            );
            const options = effectiveOptions(question).filter((o) => !o.unknown);
            for (const option of options) {
              const value = question.type === 'multiple_choice' ? [option.value] : option.value;
              for (const id of visibleIds({ ...c.answers, [question.id]: { value } }, c.context)) {
                expect(silent.has(id), `${id} shown for ${question.id}=${option.value}`).toBe(true);
              }
            }
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'what the organisation’s use context switches on stays on, whatever the vendor answers',
    () => {
      fc.assert(
        fc.property(caseArb(), (c) => {
          // True on the use context alone, every vendor answer left out.
          const byContextAlone = (condition: Parameters<typeof evaluateCondition>[0]) =>
            evaluateCondition(condition, {
              answer: () => ({ kind: 'absent' }),
              context: (field) => contextFieldState(c.context, field),
            }) === true;
          const shown = visibleIds(c.answers, c.context);
          for (const section of template.sections) {
            if (section.condition && !byContextAlone(section.condition)) continue;
            for (const question of section.questions) {
              if (question.condition && !byContextAlone(question.condition)) continue;
              expect(shown.has(question.id), question.id).toBe(true);
            }
          }
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
