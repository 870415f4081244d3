/** Latencies and failures per route, and the figures a soak reports from them. */

export type RouteFigures = {
  route: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
};

/** The nearest-rank percentile of sorted values (0 for none). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function createRecorder() {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  /** The first few failures, word for word, so a failed run says what went wrong. */
  const samples: string[] = [];

  function figures(route: string, values: number[], failed: number, seconds: number): RouteFigures {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      route,
      requests: values.length,
      errors: failed,
      perSecond: round(values.length / seconds),
      p50Ms: round(percentile(sorted, 0.5)),
      p95Ms: round(percentile(sorted, 0.95)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted.at(-1) ?? 0),
    };
  }

  return {
    /** One answered (or failed) request; `failure` is null when the answer was the expected one. */
    record(route: string, ms: number, failure: string | null) {
      const list = latencies.get(route) ?? [];
      list.push(ms);
      latencies.set(route, list);
      if (failure === null) return;
      errors.set(route, (errors.get(route) ?? 0) + 1);
      if (samples.length < 10) samples.push(`${route}: ${failure}`);
    },
    samples: () => [...samples],
    /** Per route in first-seen order, then all routes together. */
    report(seconds: number): { routes: RouteFigures[]; all: RouteFigures } {
      const routes = [...latencies].map(([route, values]) =>
        figures(route, values, errors.get(route) ?? 0, seconds),
      );
      const everything = [...latencies.values()].flat();
      const failed = [...errors.values()].reduce((sum, n) => sum + n, 0);
      return { routes, all: figures('all', everything, failed, seconds) };
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;

/** The figures as an aligned plain-text table. */
export function formatTable(rows: readonly RouteFigures[]): string {
  const header = ['route', 'requests', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];
  const cells = rows.map((r) => [
    r.route,
    String(r.requests),
    String(r.perSecond),
    String(r.p50Ms),
    String(r.p95Ms),
    String(r.p99Ms),
    String(r.maxMs),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}
