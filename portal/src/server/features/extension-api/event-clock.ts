import { MAX_EVENT_CLOCK_SKEW_MS, type UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { AppError } from '../../errors';

const NAMED_IN_MESSAGE = 5;

/**
 * Refuses a batch holding events dated later than the portal's clock allows (a small skew for device
 * clocks running ahead). Such an event would never reach raw-event retention, which deletes by date,
 * and would count for days still to come. Like an event failing the schema, it refuses the whole batch
 * (the extension drops a refused batch and reports it as dropped); the details name every such event.
 *
 * Old events are accepted whatever their age: a device that was offline has real usage to report, and
 * the rollups keep it. Raw rows already past retention go at the next retention run.
 */
export function refuseFutureEvents(events: readonly UsageEvent[], now: Date): void {
  const latest = now.getTime() + MAX_EVENT_CLOCK_SKEW_MS;
  const latestIso = new Date(latest).toISOString();
  const issues = events.flatMap((e, i) =>
    Date.parse(e.occurredAt) > latest
      ? [
          {
            path: `events.${i}.occurredAt`,
            id: e.id,
            message: `${e.occurredAt} is later than the portal's clock allows (${latestIso})`,
          },
        ]
      : [],
  );
  if (issues.length === 0) return;
  const named = issues.slice(0, NAMED_IN_MESSAGE).map((i) => i.id);
  const more = issues.length > named.length ? ` and ${issues.length - named.length} more` : '';
  throw new AppError(
    'bad_request',
    `Events dated more than ${MAX_EVENT_CLOCK_SKEW_MS / 60_000} minutes after the portal's clock ` +
      `(${latestIso}); nothing of this batch was stored: ${named.join(', ')}${more}`,
    issues,
  );
}
