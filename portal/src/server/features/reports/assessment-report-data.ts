import type { EvidenceState } from '@sightline/shared/questionnaire/evidence-summary';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';

/**
 * Everything the assessment report shows, already in words: the renderer takes this and draws; it
 * reads no database, so it is fast and tested on plain data.
 */
export type AssessmentReportData = {
  generatedAt: string;
  organisation: string;
  assessmentId: string;
  vendor: string;
  service: string | null;
  respondent: { name: string; email: string };
  template: { title: string; version: number };
  state: string;
  /** Present once reassessment cycles exist: which cycle this is and the one before it. */
  cycle?: number | null;
  previousAssessmentId?: string | null;
  dates: { sent: string | null; submitted: string | null; decided: string | null; due: string };
  /** SHA-256 of the canonical JSON of the questions as sent and the answers (see answers-digest.ts). */
  digest: string;
  score: ScoreResult | null;
  decision: ReportDecision | null;
  findings: ReportFinding[];
  sections: ReportSection[];
  crosswalk: ReportCrosswalkEntry[];
  evidence: ReportEvidence[];
};

export type ReportDecision = {
  outcome: string;
  conditions: string | null;
  rationale: string;
  tier: string | null;
  residualTier: string | null;
  nextReviewOn: string | null;
  decidedBy: string | null;
  decidedAt: string;
};

export type ReportFinding = {
  title: string;
  severity: string;
  status: string;
  questionId: string | null;
  dueOn: string | null;
  owner: string | null;
  acceptedReason: string | null;
  acceptedBy: string | null;
};

export type ReportQuestion = {
  id: string;
  text: string;
  /** The answer in words; null when unanswered. */
  answer: string | null;
  vendorComment: string | null;
  evidenceState: EvidenceState;
  /** Points that counted (0–1), null when not scored. */
  points: number | null;
  weight: number;
  override: { points: number; reason: string; by: string; at: string } | null;
  reviewComments: { author: string; text: string; at: string; resolved: boolean }[];
};

export type ReportSection = { id: string; title: string; questions: ReportQuestion[] };

export type ReportCrosswalkEntry = {
  framework: string;
  item: string;
  description: string | null;
  questions: { id: string; answer: string | null }[];
};

export type ReportEvidence = {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  questionId: string;
  uploadedBy: string | null;
  uploadedAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  expiresOn: string | null;
};
