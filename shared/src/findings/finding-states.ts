import { z } from 'zod';
import { riskTierSchema } from '../assessments/assessment-states';

/**
 * A finding is a shortfall that needs corrective action (ISO/IEC 42001 clause 10, A.10.3): it is
 * resolved when the vendor fixes it and a reviewer agrees, or its risk is accepted by an approver.
 */
export const findingStatuses = ['open', 'in_remediation', 'resolved', 'risk_accepted'] as const;
export const findingStatusSchema = z.enum(findingStatuses);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

export const findingStatusLabels: Record<FindingStatus, string> = {
  open: 'Open',
  in_remediation: 'In remediation',
  resolved: 'Resolved',
  risk_accepted: 'Risk accepted',
};

/** Where a finding came from: scoring raises the first two by itself, reviewers flag the third. */
export const findingSources = ['knock_out', 'weak_section', 'reviewer'] as const;
export const findingSourceSchema = z.enum(findingSources);
export type FindingSource = z.infer<typeof findingSourceSchema>;

/** Findings reuse the risk tiers as severities. */
export const findingSeveritySchema = riskTierSchema;
export type FindingSeverity = z.infer<typeof findingSeveritySchema>;

/** Findings that still stand in the way of an approval. */
export const blockingFindingStatuses: readonly FindingStatus[] = ['open', 'in_remediation'];

export function isBlocking(status: FindingStatus): boolean {
  return blockingFindingStatuses.includes(status);
}

/** What moves a finding, and from where. Reopening is allowed when a fix turns out not to hold. */
export const findingTransitions = {
  start_remediation: { to: 'in_remediation', from: ['open'] },
  resolve: { to: 'resolved', from: ['open', 'in_remediation'] },
  accept_risk: { to: 'risk_accepted', from: ['open', 'in_remediation'] },
  reopen: { to: 'open', from: ['in_remediation', 'resolved', 'risk_accepted'] },
} as const satisfies Record<string, { to: FindingStatus; from: readonly FindingStatus[] }>;
export type FindingEvent = keyof typeof findingTransitions;
export const findingEvents = Object.keys(findingTransitions) as FindingEvent[];

export function findingTransition(
  from: FindingStatus,
  event: FindingEvent,
): { ok: true; to: FindingStatus } | { ok: false; reason: string } {
  const rule = findingTransitions[event];
  if ((rule.from as readonly FindingStatus[]).includes(from)) return { ok: true, to: rule.to };
  return {
    ok: false,
    reason: `a finding that is ${findingStatusLabels[from].toLowerCase()} cannot be ${eventLabels[event]}`,
  };
}

const eventLabels: Record<FindingEvent, string> = {
  start_remediation: 'put into remediation',
  resolve: 'resolved',
  accept_risk: 'risk-accepted',
  reopen: 'reopened',
};

/** A finding is overdue when it still blocks and its due date (a UTC day) has passed. */
export function isOverdue(status: FindingStatus, dueOn: string | null, today: string): boolean {
  return dueOn !== null && isBlocking(status) && dueOn < today;
}
