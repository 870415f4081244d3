/**
 * An open-loop load at a steady rate: one request every 1000/rate ms, evenly spaced, each from the
 * next browser in turn, whether or not earlier ones have been answered. Latency counts from the
 * moment a request was due, so a portal that falls behind shows it (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it splits the rate over connections with a floor, and a
 * connection whose share rounds to 0 runs unlimited — 20 batches/s over 50 browsers left 30 of them
 * flat out. With one connection per request rate, it also fires every connection at the top of each
 * second, a burst no real fleet sends.
 */
export type PacedResult = {
  sent: number;
  accepted: number;
  refused: number;
  errors: number;
  latenciesMs: number[];
};

export async function pacedLoad(options: {
  url: string;
  ratePerSec: number;
  seconds: number;
  /** Headers and body for the n-th request. */
  requestFor: (n: number) => { headers: Record<string, string>; body: string };
}): Promise<PacedResult> {
  const intervalMs = 1000 / options.ratePerSec;
  const total = Math.max(1, Math.round(options.ratePerSec * options.seconds));
  const result: PacedResult = { sent: 0, accepted: 0, refused: 0, errors: 0, latenciesMs: [] };
  const inFlight: Promise<void>[] = [];
  const start = performance.now();

  const send = async (n: number, dueAt: number) => {
    const { headers, body } = options.requestFor(n);
    try {
      // Node's fetch keeps connections alive and opens more while requests overlap, as browsers do.
      const response = await fetch(options.url, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.ok) result.accepted++;
      else result.refused++;
      result.latenciesMs.push(performance.now() - dueAt);
    } catch {
      result.errors++;
    }
  };

  for (let n = 0; n < total; n++) {
    const dueAt = start + n * intervalMs;
    const wait = dueAt - performance.now();
    // Pacing, not waiting for a result: the schedule is the load being measured.
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    result.sent++;
    inFlight.push(send(n, dueAt));
  }
  await Promise.all(inFlight);
  return result;
}
