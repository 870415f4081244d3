import type { Answer } from '../questionnaire/answer-schema';
import type { EvidenceState } from '../questionnaire/evidence-summary';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question } from '../questionnaire/template-schema';
import { EVIDENCE_FACTORS } from './scoring-constants';

/**
 * Assurance an answered question gives on its own, 0 to 1. The template rules guarantee points on
 * every option of a weighted question; a missing one counts as no assurance rather than failing.
 */
export function answerPoints(question: Question, answer: Answer): number {
  const value = answer.value;
  switch (question.type) {
    case 'yes_no':
    case 'single_choice': {
      const option = effectiveOptions(question).find((o) => o.value === value);
      return option?.points ?? 0;
    }
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [];
      const points = effectiveOptions(question)
        .filter((o) => chosen.includes(o.value))
        .map((o) => o.points ?? 0);
      if (points.length === 0) return 0;
      // "min": one weak choice (say, logs with content) sets the level. "sum": practices add up.
      return question.aggregate === 'sum'
        ? Math.min(
            1,
            points.reduce((a, b) => a + b, 0),
          )
        : Math.min(...points);
    }
    case 'number': {
      if (typeof value !== 'number') return 0;
      const band = question.numberBands?.find(
        (b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max),
      );
      return band?.points ?? 0;
    }
    case 'file':
      return 1;
    case 'text':
    case 'date':
      return 0;
  }
}

/** Null when the question asks for no evidence, so the answer's points stand as they are. */
export function evidenceFactor(state: EvidenceState): number | null {
  return state === 'not_requested' ? null : EVIDENCE_FACTORS[state];
}
