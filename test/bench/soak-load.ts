/**
 * The soak's load: each enrolled browser, staff member and vendor as a loop of timed requests, paced
 * as the scenario says, running until the deadline (a `performance.now()` time).
 */
import { setTimeout as pause } from 'node:timers/promises';
import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import type { RunningPortal } from '../e2e/support/portal-process';
import { FLEET_SERVICES, syntheticEvent } from './fleet';
import type { Recorder } from './soak-recorder';
import {
  DEVICE_TICK_MS,
  MAX_BATCH,
  POLICY_EVERY,
  REQUEST_TIMEOUT_MS,
  STAFF_THINK_MS,
  VENDOR_SAVE_MS,
  VENDOR_VIEW_EVERY,
} from './soak-scenario';

type Answer = { status: number; body: string; headers: Headers };

/** Runs one request, timing it to the end of its body; anything but an expected status is an error. */
async function timed(
  recorder: Recorder,
  route: string,
  expected: readonly number[],
  url: string,
  init: RequestInit = {},
): Promise<Answer | null> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.text();
    const ok = expected.includes(res.status);
    recorder.record(route, performance.now() - started, ok ? null : `${res.status} ${body.slice(0, 300)}`);
    return { status: res.status, body, headers: res.headers };
  } catch (error) {
    recorder.record(route, performance.now() - started, String(error));
    return null;
  }
}

/** Waits `ms`, but never past the deadline. */
const pauseUntil = (ms: number, deadline: number) =>
  pause(Math.max(0, Math.min(ms, deadline - performance.now())));
const jitter = (ms: number) => ms * (0.8 + Math.random() * 0.4);

export function runDevice(
  portal: RunningPortal,
  recorder: Recorder,
  credential: string,
  deadline: number,
  tally: { sent: number; calls: number[] },
) {
  const auth = { authorization: `Bearer ${credential}` };
  return (async () => {
    let etag: string | null = null;
    // A fleet does not start in step: each browser begins somewhere in the first tick.
    await pauseUntil(Math.random() * DEVICE_TICK_MS, deadline);
    for (let tick = 0; performance.now() < deadline; tick++) {
      tally.calls.push(performance.now());
      if (tick % POLICY_EVERY === 0) {
        const answer = await timed(
          recorder,
          'GET /api/ext/policy',
          [200, 304],
          `${portal.url}/api/ext/policy`,
          {
            headers: etag ? { ...auth, 'if-none-match': etag } : auth,
          },
        );
        etag = answer?.headers.get('etag') ?? etag;
      } else {
        const events = Array.from({ length: 1 + Math.floor(Math.random() * MAX_BATCH) }, () =>
          syntheticEvent(Date.now(), 60_000),
        );
        const answer = await timed(recorder, 'POST /api/ext/events', [200], `${portal.url}/api/ext/events`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ events, dropped: 0, extensionVersion: 'soak' }),
        });
        if (answer?.status === 200) tally.sent += events.length;
      }
      await pauseUntil(jitter(DEVICE_TICK_MS), deadline);
    }
  })();
}

export function runStaff(
  portal: RunningPortal,
  recorder: Recorder,
  cookie: string,
  deadline: number,
  offset: number,
) {
  const calls: [string, () => string][] = [
    ['GET /api/overview?days=30', () => '/api/overview?days=30'],
    ['GET /api/discovery/dashboard?days=30', () => '/api/discovery/dashboard?days=30'],
    ['GET /api/discovery/services?days=30', () => '/api/discovery/services?days=30'],
    [
      'GET /api/discovery/services/:id?days=30',
      () =>
        `/api/discovery/services/${FLEET_SERVICES[Math.floor(Math.random() * FLEET_SERVICES.length)]}?days=30`,
    ],
  ];
  return (async () => {
    await pauseUntil(Math.random() * STAFF_THINK_MS, deadline);
    for (let i = offset; performance.now() < deadline; i++) {
      const [route, path] = calls[i % calls.length]!;
      await timed(recorder, route, [200], `${portal.url}${path()}`, { headers: { cookie } });
      await pauseUntil(jitter(STAFF_THINK_MS), deadline);
    }
  })();
}

export function runVendor(portal: RunningPortal, recorder: Recorder, token: string, deadline: number) {
  const headers = { 'x-assessment-token': token, 'content-type': 'application/json' };
  return (async () => {
    const first = await timed(
      recorder,
      'GET /api/vendor/assessment',
      [200],
      `${portal.url}/api/vendor/assessment`,
      {
        headers,
      },
    );
    if (first?.status !== 200) return;
    const view = JSON.parse(first.body) as VendorView;
    const revisions: Record<string, number> = { ...view.revisions };
    const questions = view.template.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.type === 'text')
      .slice(0, 5)
      .map((q) => q.id);
    for (let i = 1; performance.now() < deadline; i++) {
      await pauseUntil(jitter(VENDOR_SAVE_MS), deadline);
      if (performance.now() >= deadline) break;
      if (i % VENDOR_VIEW_EVERY === 0) {
        await timed(recorder, 'GET /api/vendor/assessment', [200], `${portal.url}/api/vendor/assessment`, {
          headers,
        });
        continue;
      }
      const question = questions[i % questions.length]!;
      const answer = await timed(
        recorder,
        'PUT /api/vendor/answers',
        [200],
        `${portal.url}/api/vendor/answers`,
        {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            answers: { [question]: { value: `Our answer, revision ${i}` } },
            baseRevisions: { [question]: revisions[question] ?? 0 },
          }),
        },
      );
      if (answer?.status === 200)
        Object.assign(
          revisions,
          (JSON.parse(answer.body) as { revisions: Record<string, number> }).revisions,
        );
    }
  })();
}
