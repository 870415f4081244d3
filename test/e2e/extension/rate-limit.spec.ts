import { expect, test } from '@playwright/test';
import { type EnrolledExtension, startEnrolledExtension } from '../support/enrolled-extension';
import { type ExtensionBrowser, readLocal, requestFlush } from '../support/extension-browser';
import type { FakeSites } from '../support/extension-fake-sites';
import type { adminApi } from '../support/extension-portal-api';

/** The device budget the portal is started with: a handful of flushes exhaust it. */
const REQUESTS_PER_MINUTE = 3;
/** The portal's throttle window (portal/src/server/features/extension-api/device-auth.ts). */
const WINDOW_MS = 60_000;

let sites: FakeSites;
let browser: ExtensionBrowser;
let admin: Awaited<ReturnType<typeof adminApi>>;
let deviceId: string;
let running: EnrolledExtension;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  running = await startEnrolledExtension({
    portalEnv: { DEVICE_REQUESTS_PER_MINUTE: String(REQUESTS_PER_MINUTE) },
    prepare: async (a) => {
      // Monitor: pages open without banners or warnings, each load is one visit event.
      await a.settings({ mode: 'monitor' });
    },
  });
  ({ sites, browser, admin, deviceId } = running);
});

test.afterAll(async () => {
  await running?.stop();
});

type Queued = { id: string; kind: string };
type FlushState = { failures: number; nextAttemptAt: number; lastError?: string; lastSuccessAt?: string };

const queued = async () => (await readLocal<Queued[]>(browser, 'queue')) ?? [];

/**
 * Opens one ChatGPT page and waits until its visit event exists: in the extension's queue, or already
 * at the portal should the extension's own flush alarm have sent it meanwhile.
 */
async function visit(path: string, seen: Set<string>): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(sites.url('chatgpt.com', path));
  await expect(page.getByRole('heading', { name: 'Fake AI service at chatgpt.com' })).toBeVisible();
  const visitIds = async () => [
    ...(await queued()).filter((e) => e.kind === 'visit').map((e) => e.id),
    ...(await admin.deviceEvents(deviceId)).filter((e) => e.kind === 'visit').map((e) => e.clientEventId),
  ];
  await expect
    .poll(async () => new Set((await visitIds()).filter((id) => !seen.has(id))).size, { timeout: 15_000 })
    .toBe(1);
  for (const id of await visitIds()) seen.add(id);
  await page.close();
}

test('over its request budget the extension is told 429 + Retry-After, keeps its queue through the wait, then delivers every visit exactly once', async () => {
  test.setTimeout(300_000);
  const visitIds = new Set<string>();
  let visits = 0;

  // How the spec knows it exercised the 429 path (it asserts it rather than assuming it): it visits
  // and flushes one visit at a time, each flush being one request to the device API, until a flush
  // fails. The failure must carry the portal's rate-limit message (only the 429 `rate_limited` answer
  // says this), and the stored flush state must show the Retry-After path rather than plain backoff:
  // `failures` stays 0 (backoff would count 1) and the next attempt is at most the rest of the
  // portal's 60 s window away. Within a few flushes it must happen, since the budget is 3 a minute.
  let refused: { status: string; message?: string } | null = null;
  for (let i = 1; i <= REQUESTS_PER_MINUTE + 3 && !refused; i++) {
    await visit(`/c/${i}`, visitIds);
    visits++;
    const outcome = await requestFlush(browser);
    if (outcome.status === 'failed') refused = outcome;
    else
      expect(outcome, 'a flush within the budget sends everything').toEqual({ status: 'sent', waiting: 0 });
  }
  const refusedAt = Date.now();
  expect(refused, 'the portal refused a flush once over the budget').not.toBeNull();
  expect(refused?.message).toContain('sending too often');
  const waiting = (await readLocal<FlushState>(browser, 'flushState'))!;
  expect(waiting.failures).toBe(0);
  expect(waiting.lastError).toContain('sending too often');
  expect(waiting.nextAttemptAt - refusedAt).toBeGreaterThan(0);
  expect(waiting.nextAttemptAt - refusedAt).toBeLessThanOrEqual(WINDOW_MS + 1_000);

  // More activity while the extension waits: it queues, nothing is lost, nothing is forced out.
  await visit('/c/after-429-a', visitIds);
  await visit('/c/after-429-b', visitIds);
  visits += 2;
  expect(visitIds.size).toBe(visits);
  const waitingIds = (await queued()).map((e) => e.id);
  expect(waitingIds).toEqual(expect.arrayContaining([...visitIds].slice(-3)));

  // No more manual flushes: the extension's own flush alarm (every 30 s, honouring nextAttemptAt)
  // must send once the portal's window is over.
  const storedVisits = async () =>
    (await admin.deviceEvents(deviceId)).filter(
      (e) => e.kind === 'visit' && e.serviceId === 'openai-chatgpt',
    );
  await expect
    .poll(async () => (await storedVisits()).length, {
      timeout: 150_000,
      intervals: [2_000],
      message: 'every visit reaches the portal after the Retry-After wait',
    })
    .toBe(visits);

  // It was sent after the wait, not before.
  const after = (await readLocal<FlushState>(browser, 'flushState'))!;
  expect(after.lastSuccessAt).toBeDefined();
  expect(new Date(after.lastSuccessAt!).getTime()).toBeGreaterThanOrEqual(waiting.nextAttemptAt);
  expect(after.failures).toBe(0);

  // Exactly once: every visit the extension made is stored, none twice, and nothing is left queued.
  const stored = await admin.deviceEvents(deviceId);
  const storedIds = stored.map((e) => e.clientEventId);
  expect(new Set(storedIds).size).toBe(storedIds.length);
  expect(storedIds).toEqual(expect.arrayContaining([...visitIds]));
  expect((await storedVisits()).map((e) => e.clientEventId).sort()).toEqual([...visitIds].sort());
  await expect.poll(async () => (await queued()).length).toBe(0);
});
