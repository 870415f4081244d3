/** UTC day, for once-a-day rules. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
