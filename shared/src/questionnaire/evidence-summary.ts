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

/** One stored evidence file, as far as scoring cares. `expiresOn` is the last day it is valid. */
export type EvidenceFileFacts = {
  questionId: string;
  verified: boolean;
  expiresOn?: string | null | undefined;
};

/**
 * Live files → per-question counts as of `today` (YYYY-MM-DD, UTC; the caller passes it, so scoring
 * stays pure). A file past its expiry date counts as no file at all, verified or not: an expired
 * certificate gives no more assurance than none.
 */
export function summariseEvidence(files: readonly EvidenceFileFacts[], today: string): EvidenceByQuestion {
  const summary = new Map<string, EvidenceSummary>();
  for (const file of files) {
    if (file.expiresOn && file.expiresOn < today) continue;
    const entry = summary.get(file.questionId) ?? { count: 0, verified: 0 };
    entry.count += 1;
    if (file.verified) entry.verified += 1;
    summary.set(file.questionId, entry);
  }
  return Object.fromEntries(summary);
}
