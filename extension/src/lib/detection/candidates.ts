import type { CandidateSignal } from '@sightline/shared/extension-api/candidates';
import { dayOf, getLocal, serialized, setLocal } from '../state/local-state';

/** Notes an AI-looking host that the catalog does not know; reported once per host per day. */
export function noteCandidate(host: string, signals: CandidateSignal[], now = Date.now()): Promise<void> {
  return serialized(async () => {
    const today = dayOf(now);
    const seen = (await getLocal('candidatesSeen')) ?? {};
    if (seen[host] === today) return;
    const kept = Object.fromEntries(Object.entries(seen).filter(([, d]) => d === today));
    kept[host] = today;
    await setLocal('candidatesSeen', kept);
    const pending = (await getLocal('candidatesPending')) ?? [];
    if (pending.length < 200) pending.push({ host, signals });
    await setLocal('candidatesPending', pending);
  });
}
