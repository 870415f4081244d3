import { createDb, type DbHandle } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import { reviewNotice } from '@sightline/db/schema/reviews';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { runWorkerTick, workers } from '../../workers';
import { assessmentTestApp, createVendor, json } from '../assessments/assessment-test-kit';
import { samplePdf } from '../evidence/sample-files';
import { sendReviewNotices } from './review-notices';
import { dueInDays } from './review-test-kit';

let t: TestApp;
/** A second portal instance's connection pool on the same database (PostgreSQL only; PGlite has one). */
let second: DbHandle | null = null;
beforeAll(async () => {
  t = await assessmentTestApp({ start: new Date('2027-03-01T08:00:00Z') });
  await t.signInAs('procurement');
  if (process.env.DATABASE_URL) {
    const [row] = (await t.deps.db.execute(sql`select current_database() as name`)) as unknown as {
      name: string;
    }[];
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${row!.name}`;
    second = await createDb({ databaseUrl: url.toString(), poolSize: 2 });
  }
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});
const otherInstance = () => (second ? { ...t.serviceDeps(), db: second.db } : t.serviceDeps());

const noticesFor = (vendorId: string) =>
  t.deps.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.relatedId, vendorId), eq(emailOutbox.purpose, 'vendor.review_due')));

async function recordIncident(vendorId: string, description: string) {
  await json(
    await t.request(`/api/vendors/${vendorId}/incidents`, {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: { occurredOn: dueInDays(t, -1), description, severity: 'medium', source: 'vendor_notice' },
    }),
    201,
  );
}

describe('review notices', () => {
  it('two workers ticking at once mail procurement once per vendor and reason', async () => {
    const vendorId = await createVendor(t, 'Notice Me AI');
    const form = new FormData();
    form.set('title', 'DPA');
    form.set('kind', 'dpa');
    form.set('expiresOn', dueInDays(t, 10));
    form.set('file', new Blob([new Uint8Array(samplePdf())]), 'dpa.pdf');
    await json(
      await t.request(`/api/vendors/${vendorId}/documents`, {
        method: 'POST',
        cookie: await t.signInAs('procurement'),
        body: form,
      }),
      201,
    );
    await recordIncident(vendorId, 'Service outage of six hours');
    const worker = workers.find((w) => w.name === 'review-notices')!;
    await Promise.all([
      sendReviewNotices(t.serviceDeps()),
      sendReviewNotices(t.serviceDeps()),
      runWorkerTick(worker, t.deps),
    ]);
    const mails = await noticesFor(vendorId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe('procurement@example.test');
    expect(mails[0]!.subject).toBe('Notice Me AI is due for review: incident, document expiring');
    expect(mails[0]!.textBody).toContain('DPA expires');
    expect(mails[0]!.textBody).toContain('Service outage of six hours');
    const claims = await t.deps.db.select().from(reviewNotice).where(eq(reviewNotice.vendorId, vendorId));
    expect(claims.map((c) => c.reason).sort()).toEqual(['document_expiry', 'incident']);

    // The next ticks have nothing new to say; a new incident is news again, and only it is mailed.
    t.clock.advanceDays(1);
    await sendReviewNotices(t.serviceDeps());
    expect(await noticesFor(vendorId)).toHaveLength(1);
    await recordIncident(vendorId, 'Second outage');
    await Promise.all([sendReviewNotices(t.serviceDeps()), sendReviewNotices(otherInstance())]);
    const after = await noticesFor(vendorId);
    expect(after).toHaveLength(2);
    const latest = after.find((m) => m.id !== mails[0]!.id)!;
    expect(latest.subject).toBe('Notice Me AI is due for review: incident');
    expect(latest.textBody).toContain('Second outage');
    expect(latest.textBody).not.toContain('DPA');
  });
});
