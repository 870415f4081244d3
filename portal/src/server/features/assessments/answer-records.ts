import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { EvidenceByQuestion } from '@sightline/shared/questionnaire/evidence-summary';

/** Stored answer rows → the shape the shared questionnaire functions read. */
export function answersOf(
  rows: readonly { questionId: string; value: unknown; notApplicable: boolean; comment: string | null }[],
): Answers {
  const answers: Record<string, { value?: unknown; notApplicable?: boolean; comment?: string | null }> = {};
  for (const row of rows) {
    const answer: { value?: unknown; notApplicable?: boolean; comment?: string | null } = {};
    if (row.value !== null && row.value !== undefined) answer.value = row.value;
    if (row.notApplicable) answer.notApplicable = true;
    if (row.comment) answer.comment = row.comment;
    answers[row.questionId] = answer;
  }
  return answers;
}

/** Live evidence files → per-question counts; "verified" counts only files still in date. */
export function evidenceSummaryOf(
  files: readonly { questionId: string; verifiedAt?: Date | null; expiresOn?: string | null }[],
  today?: string,
): EvidenceByQuestion {
  const summary: Record<string, { count: number; verified: number }> = {};
  for (const file of files) {
    const entry = summary[file.questionId] ?? { count: 0, verified: 0 };
    entry.count += 1;
    const inDate = !file.expiresOn || !today || file.expiresOn >= today;
    if (file.verifiedAt && inDate) entry.verified += 1;
    summary[file.questionId] = entry;
  }
  return summary;
}
