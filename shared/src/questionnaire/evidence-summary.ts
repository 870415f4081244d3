import { z } from 'zod';
import { lookup } from './lookup';

/**
 * What the evidence store holds for one question. `verified` counts files a reviewer has marked
 * verified and that are still in date; the caller decides "in date", so scoring stays a pure function.
 */
export const evidenceSummarySchema = z
  .strictObject({ count: z.number().int().min(0), verified: z.number().int().min(0) })
  .refine((e) => e.verified <= e.count, { message: 'verified cannot exceed count', path: ['verified'] });
export type EvidenceSummary = z.infer<typeof evidenceSummarySchema>;

export const evidenceByQuestionSchema = z.record(z.string(), evidenceSummarySchema);
export type EvidenceByQuestion = Readonly<Record<string, EvidenceSummary | undefined>>;

export const evidenceStates = ['not_requested', 'none', 'uploaded', 'verified'] as const;
export type EvidenceState = (typeof evidenceStates)[number];

export function evidenceState(
  question: { type: string; evidence?: { requested: boolean } | undefined },
  evidence: EvidenceByQuestion,
  questionId: string,
): EvidenceState {
  if (question.type !== 'file' && !question.evidence?.requested) return 'not_requested';
  const summary = lookup(evidence, questionId);
  if (!summary || summary.count === 0) return 'none';
  return summary.verified > 0 ? 'verified' : 'uploaded';
}
