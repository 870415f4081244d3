import type { DecisionOutcome } from '@sightline/shared/assessments/assessment-states';
import type { NewMail } from '../../mail/outbox';

export type RequesterMailContext = {
  organisation: string;
  serviceName: string;
  outcome: DecisionOutcome;
  conditions: string | null;
  reason: string;
  /** The approved service to use instead, from the policy (shown on a rejection). */
  alternative: { name: string | null; url: string | null } | null;
};

const headline: Record<DecisionOutcome, string> = {
  approve: 'is approved',
  approve_with_conditions: 'is approved with conditions',
  reject: 'is not approved',
};

/**
 * Tells an employee how their access request ended: the outcome, the conditions or the reason,
 * and on a rejection what to use instead. Plain text; no links (nothing to sign in to).
 */
export function requestDecidedMail(
  ctx: RequesterMailContext,
  to: string,
  request: { id: string; requestedOn: string },
): NewMail {
  const lines = [
    'Hello,',
    '',
    `On ${request.requestedOn} you asked to use ${ctx.serviceName}. After assessing it, ${ctx.organisation} decided: ${ctx.serviceName} ${headline[ctx.outcome]}.`,
    '',
  ];
  if (ctx.outcome === 'approve_with_conditions' && ctx.conditions) {
    lines.push('You may use it on these conditions:', ctx.conditions, '');
  }
  lines.push(ctx.outcome === 'reject' ? 'The reason:' : 'The approver noted:', ctx.reason, '');
  if (ctx.outcome === 'reject') {
    const alt = ctx.alternative;
    if (alt && (alt.name || alt.url)) {
      lines.push(
        `Use ${alt.name ?? 'the approved alternative'} instead${alt.url ? `: ${alt.url}` : ''}.`,
        '',
      );
    }
  }
  lines.push(
    'Your browser shows this outcome too, the next time it fetches the policy.',
    '',
    `${ctx.organisation}, via Sightline`,
    '',
  );
  return {
    to,
    subject: `${ctx.organisation}: your request to use ${ctx.serviceName} ${headline[ctx.outcome]}`,
    text: lines.join('\n'),
    purpose: 'access_request.decided',
    relatedType: 'access_request',
    relatedId: request.id,
  };
}
