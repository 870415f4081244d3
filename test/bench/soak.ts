/**
 * The soak both `pnpm bench:soak` and its CI test run: the real portal as its own process on
 * PostgreSQL, loaded at once by a fleet of enrolled browsers sending event batches, staff reading the
 * dashboards, and vendors saving answers through their questionnaire links.
 */
import { setTimeout as pause } from 'node:timers/promises';
import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import postgres from 'postgres';
import { type RunningPortal, startPortal } from '../e2e/support/portal-process';
import { adminCookie, enrollFleet, FLEET_SERVICES, syntheticEvent } from './fleet';
import { createRecorder, type Recorder, type RouteFigures } from './soak-recorder';

export type SoakOptions = {
  seconds: number;
  /** Progress lines (set-up steps); the figures are in the result. */
  log?: (line: string) => void;
};

export type SoakResult = {
  seconds: number;
  requests: number;
  errors: number;
  p99Ms: number;
  peakRssMb: number;
  /** The server's resident memory when the load began, every 15 s during it, and at its end. */
  rssSamplesMb: number[];
  routes: RouteFigures[];
  all: RouteFigures;
  errorSamples: string[];
  eventsSent: number;
  eventsStored: number;
  /** The most device-API calls one browser made within any 60 s, against the portal's budget. */
  busiestDevicePerMinute: number;
  deviceBudget: number;
  scenario: string;
};

const DEVICES = 500;
/** Each browser sends a batch about this often (the extension's own flush alarm is every 30 s). */
const DEVICE_TICK_MS = 10_000;
/** Every sixth tick is a policy sync instead (about once a minute; the extension syncs less often). */
const POLICY_EVERY = 6;
const MAX_BATCH = 40;
const STAFF = 4;
const STAFF_THINK_MS = 1_000;
const VENDORS = 3;
const VENDOR_SAVE_MS = 2_000;
/** Every tenth vendor call reloads the questionnaire, as opening the page again would. */
const VENDOR_VIEW_EVERY = 10;
/** The portal's default DEVICE_REQUESTS_PER_MINUTE; the fleet is paced to stay far below it. */
const DEVICE_BUDGET = 120;
/** A request without an answer after this long counts as an error. */
const REQUEST_TIMEOUT_MS = 30_000;

export const SOAK_SCENARIO =
  `${DEVICES} browsers each sending a batch of 1-${MAX_BATCH} events every ~${DEVICE_TICK_MS / 1000} s ` +
  `(a policy sync every ${POLICY_EVERY}th time); ${STAFF} staff loading the overview and discovery ` +
  `routes (${STAFF_THINK_MS / 1000} s between calls); ${VENDORS} vendors saving an answer every ` +
  `~${VENDOR_SAVE_MS / 1000} s`;

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

function runDevice(
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

function runStaff(
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

/** A questionnaire sent to a new vendor; returns the vendor's link token. */
async function sendQuestionnaire(portal: RunningPortal, cookie: string, n: number): Promise<string> {
  const headers = { 'content-type': 'application/json', origin: portal.url, cookie };
  const vendor = await fetch(`${portal.url}/api/vendors`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `Soak Vendor ${n}` }),
  });
  if (vendor.status !== 201) throw new Error(`vendor: ${vendor.status} ${await vendor.text()}`);
  const { id: vendorId } = (await vendor.json()) as { id: string };
  const sent = await fetch(`${portal.url}/api/assessments`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      vendorId,
      respondentName: `Respondent ${n}`,
      respondentEmail: `respondent${n}@vendor.example`,
      dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      send: true,
      useContext: {
        purpose: 'Drafting internal documents',
        dataCategories: ['internal'],
        expectedUsers: 40,
        decisionsAboutPeople: 'none',
        autonomy: 'none',
        euAiActClass: 'minimal',
      },
    }),
  });
  if (sent.status !== 201) throw new Error(`assessment: ${sent.status} ${await sent.text()}`);
  // Without SMTP the portal hands the link back once, for staff to pass on.
  const { link } = (await sent.json()) as { link: string };
  return link.split('#')[1]!;
}

function runVendor(portal: RunningPortal, recorder: Recorder, token: string, deadline: number) {
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

/** The most entries of a sorted list of times (ms) that fall within one 60 s span. */
function mostInAMinute(times: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= 60_000) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  log('starting the portal (its own process, on a throwaway database)');
  const portal = await startPortal({ DEVICE_REQUESTS_PER_MINUTE: String(DEVICE_BUDGET) });
  try {
    log(`enrolling ${DEVICES} browsers through /api/ext/enroll`);
    const credentials = await enrollFleet(portal, DEVICES, 8);
    const cookie = await adminCookie(portal);
    const tokens = [];
    for (let n = 1; n <= VENDORS; n++) tokens.push(await sendQuestionnaire(portal, cookie, n));

    log(`load for ${options.seconds} s: ${SOAK_SCENARIO}`);
    const recorder = createRecorder();
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const tallies = credentials.map(() => ({ sent: 0, calls: [] as number[] }));
    const rssSamplesMb = [Math.round(portal.memory().rssMb)];
    const sampler = setInterval(() => rssSamplesMb.push(Math.round(portal.memory().rssMb)), 15_000);
    await Promise.all([
      ...credentials.map((credential, i) => runDevice(portal, recorder, credential, deadline, tallies[i]!)),
      ...Array.from({ length: STAFF }, (_, i) => runStaff(portal, recorder, cookie, deadline, i)),
      ...tokens.map((token) => runVendor(portal, recorder, token, deadline)),
    ]);
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const memory = portal.memory();
    rssSamplesMb.push(Math.round(memory.rssMb));

    const sql = postgres(portal.databaseUrl!, { max: 1, onnotice: () => {} });
    const [stored] = await sql<{ n: number }[]>`select count(*)::int as n from usage_event`;
    await sql.end();

    const { routes, all } = recorder.report(seconds);
    return {
      seconds: Math.round(seconds),
      requests: all.requests,
      errors: all.errors,
      p99Ms: all.p99Ms,
      peakRssMb: Math.round(memory.peakRssMb),
      rssSamplesMb,
      routes,
      all,
      errorSamples: recorder.samples(),
      eventsSent: tallies.reduce((sum, t) => sum + t.sent, 0),
      eventsStored: stored!.n,
      busiestDevicePerMinute: Math.max(0, ...tallies.map((t) => mostInAMinute(t.calls))),
      deviceBudget: DEVICE_BUDGET,
      scenario: SOAK_SCENARIO,
    };
  } finally {
    await portal.stop();
  }
}
