/**
 * The soak both `pnpm bench:soak` and its CI test run: the real portal as its own process on
 * PostgreSQL, loaded at once by a fleet of enrolled browsers sending event batches, staff reading the
 * dashboards, and vendors saving answers through their questionnaire links (soak-load.ts).
 */
import postgres from 'postgres';
import { type RunningPortal, startPortal } from '../e2e/support/portal-process';
import { adminCookie, enrollFleet } from './fleet';
import { runDevice, runStaff, runVendor } from './soak-load';
import { createRecorder, type RouteFigures } from './soak-recorder';
import { DEVICE_BUDGET, DEVICES, SOAK_SCENARIO, STAFF, VENDORS } from './soak-scenario';

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
