import type { Answer } from './simulated-browsers';

export const isSuccess = (a: Answer) => a.status >= 200 && a.status < 300;

/** Milliseconds rounded for a printed figure. */
export const ms = (n: number) => Math.round(n);

/** Answers by status, e.g. `{ "200": 410, "503": 37 }`; 0 is a request that got no answer. */
export function countByStatus(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

/** Prints one labelled JSON line that a reader (or the README) can quote. */
export function printFigures(label: string, figures: Record<string, unknown>): void {
  process.stdout.write(`${label}: ${JSON.stringify(figures)}\n`);
}

/** What one database's stored events say about the client ids the browsers sent. */
export function compareStored(sent: readonly Set<string>[], stored: Map<number, string[]>) {
  let sentCount = 0;
  let storedCount = 0;
  let lost = 0;
  let duplicates = 0;
  let unexpected = 0;
  sent.forEach((ids, device) => {
    const rows = stored.get(device) ?? [];
    const seen = new Set<string>();
    for (const id of rows) {
      if (seen.has(id)) duplicates += 1;
      else if (!ids.has(id)) unexpected += 1;
      seen.add(id);
    }
    for (const id of ids) if (!seen.has(id)) lost += 1;
    sentCount += ids.size;
    storedCount += rows.length;
  });
  return { sent: sentCount, stored: storedCount, lost, duplicates, unexpected };
}
