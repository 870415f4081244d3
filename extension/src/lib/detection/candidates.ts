import type { CandidateSignal } from '@sightline/shared/extension-api/candidates';
import { local } from '../state/local-state';
import { serialized } from '../state/serialized';
import { dayOf } from '../state/utc-day';

/** Notes an AI-looking host that the catalog does not know; reported once per host per day. */
export function noteCandidate(host: string, signals: CandidateSignal[], now = Date.now()): Promise<void> {
  return serialized(async () => {
    const today = dayOf(now);
    const seen = await local.candidatesSeen.get();
    if (seen[host] === today) return;
    const kept = Object.fromEntries(Object.entries(seen).filter(([, d]) => d === today));
    kept[host] = today;
    await local.candidatesSeen.set(kept);
    const pending = await local.candidatesPending.get();
    if (pending.length < 200) pending.push({ host, signals });
    await local.candidatesPending.set(pending);
  });
}
