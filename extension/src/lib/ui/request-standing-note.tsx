import type { StandingText } from './request-standing-text';

/**
 * A request's standing as text: what the portal decided, the conditions or what to use instead.
 * `whatNext` follows a request that still waits for a decision.
 */
export function RequestStandingNote({ standing, whatNext }: { standing: StandingText; whatNext?: string }) {
  const alternative = standing.alternative;
  return (
    <>
      <p role="status" data-testid="request-standing">
        {standing.text}
        {standing.waiting && whatNext ? ` ${whatNext}` : ''}
        {alternative && (
          <>
            {' '}
            Use {alternative.url ? <a href={alternative.url}>{alternative.label}</a> : alternative.label}{' '}
            instead.
          </>
        )}
      </p>
      {standing.conditions && <p className="conditions">{standing.conditions}</p>}
      {standing.decided && <p className="muted">{standing.decided}</p>}
    </>
  );
}
