import { randomUUID } from 'node:crypto';

/** One answer (or failure to answer) the portal gave a simulated browser. */
export type Answer = {
  device: number;
  /** HTTP status; 0 when the request failed without one (refused, reset, or over CLIENT_TIMEOUT_MS). */
  status: number;
  ms: number;
  /** When the request was sent (performance.now()). */
  at: number;
  retryAfter: string | null;
  requestId: string | null;
  errorCode: string | null;
  /** Why a request without a status failed. */
  failure?: string;
};

type Event = { id: string; kind: 'visit'; serviceId: string; host: string; occurredAt: string };

/** The longest a simulated browser waits for an answer before it counts the request as hanging. */
export const CLIENT_TIMEOUT_MS = 15_000;

/**
 * Browsers sending event batches the way the extension does: a batch stays queued, unchanged (same
 * ids, same times), until the portal answers 2xx; any other answer or none means the same batch again.
 * They retry after RETRY_MS rather than the Retry-After the portal names (the extension waits that
 * long), so that the portal stays under load through an outage and its recovery is seen at once.
 */
export function startSimulatedBrowsers(options: {
  url: () => string;
  credentials: string[];
  batchSize: number;
  retryMs?: number;
}) {
  const answers: Answer[] = [];
  const sent = options.credentials.map(() => new Set<string>());
  const accepted = options.credentials.map(() => 0);
  let stopping = false;
  const retryMs = options.retryMs ?? 100;

  const newBatch = (): Event[] =>
    Array.from({ length: options.batchSize }, () => ({
      id: randomUUID(),
      kind: 'visit',
      serviceId: 'openai-chatgpt',
      host: 'chatgpt.com',
      occurredAt: new Date().toISOString(),
    }));

  async function post(device: number, credential: string, body: string): Promise<Answer> {
    const at = performance.now();
    try {
      const res = await fetch(`${options.url()}/api/ext/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        body,
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await res.text();
      let errorCode: string | null = null;
      if (res.status >= 300) {
        try {
          errorCode = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? 'no error code';
        } catch {
          errorCode = 'not the error shape';
        }
      }
      return {
        device,
        status: res.status,
        ms: performance.now() - at,
        at,
        retryAfter: res.headers.get('retry-after'),
        requestId: res.headers.get('x-request-id'),
        errorCode,
      };
    } catch (error) {
      const failure = String((error as Error).cause ?? (error as Error).name ?? error);
      return {
        device,
        status: 0,
        ms: performance.now() - at,
        at,
        retryAfter: null,
        requestId: null,
        errorCode: null,
        failure,
      };
    }
  }

  async function browser(device: number, credential: string): Promise<void> {
    while (!stopping) {
      const events = newBatch();
      for (const e of events) sent[device]!.add(e.id);
      const body = JSON.stringify({ events, dropped: 0, extensionVersion: 'fault-test' });
      for (;;) {
        const answer = await post(device, credential, body);
        answers.push(answer);
        if (answer.status >= 200 && answer.status < 300) break;
        await new Promise((r) => setTimeout(r, retryMs));
      }
      accepted[device]! += 1;
    }
  }

  const running = Promise.all(options.credentials.map((c, i) => browser(i, c)));
  return {
    answers,
    /** Batches each browser has had accepted so far. */
    accepted,
    /** Client ids each browser has sent (and will keep sending until accepted). */
    sent,
    /** Lets every browser finish its current batch (retrying it until accepted), then stop. */
    finish: async () => {
      stopping = true;
      await running;
    },
  };
}

export type SimulatedBrowsers = ReturnType<typeof startSimulatedBrowsers>;
