import { randomUUID } from 'node:crypto';
import { auditLog } from '@sightline/db/schema/audit';
import { accessRequest } from '@sightline/db/schema/usage';
import { vendor } from '@sightline/db/schema/vendors';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, json } from '../assessments/assessment-test-kit';
import { enrollTestDevice } from '../extension-api/test-helpers';
import { column, readCsvDownload } from './csv-download-test-kit';

let t: TestApp;
let admin: string;

/** Names that break naive CSV: separators, quotes, line breaks, scripts other than Latin, emoji. */
const awkward = [
  'Comma, Inc.',
  'The "Quoted" Co',
  'Two\nLines Ltd',
  '深度求索',
  'محمد للذكاء',
  'Robots 🤖 GmbH',
];
/** Text a spreadsheet would run as a formula. */
const formulas = ['=1+1', '+SUM(A1:A9)', '-2+3', '@cmd', '\tx', '\rx'];
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const download = async (path: string, role: Parameters<TestApp['signInAs']>[0] = 'admin') =>
  t.request(path, { cookie: await t.signInAs(role) });

beforeAll(async () => {
  t = await assessmentTestApp();
  admin = await t.signInAs('admin');
  await t.deps.db.insert(vendor).values([...awkward, ...formulas].map((name) => ({ name })));
});
afterAll(() => t?.close());

describe('CSV exports', () => {
  it('writes the vendor register as the page lists it: quoted, Unicode intact, formulas neutralised', async () => {
    const listed = await json<{ items: { name: string; assessmentCount: number }[] }>(
      await t.request('/api/vendors?limit=500', { cookie: admin }),
      200,
    );
    const csv = await readCsvDownload(await download('/api/vendors/export.csv'), 'vendors');
    expect(csv.header.slice(0, 4)).toEqual(['Vendor', 'Website', 'Status', 'Risk tier']);
    expect(column(csv, 'Vendor')).toEqual(listed.items.map((v) => neutralised(v.name)));
    expect(column(csv, 'Vendor')).toEqual(expect.arrayContaining([...awkward, ...formulas.map(neutralised)]));
    // A count the database holds as a number is written as the number, never prefixed.
    expect(column(csv, 'Assessments')).toEqual(listed.items.map((v) => String(v.assessmentCount)));
    expect(csv.body).toContain('"The ""Quoted"" Co"');
    expect(csv.body).toContain("'-2+3");
    expect(csv.body).toContain('"Two\nLines Ltd"');
  });

  it('honours the page filters', async () => {
    const csv = await readCsvDownload(
      await download(`/api/vendors/export.csv?q=${encodeURIComponent('深度')}`),
      'vendors',
    );
    expect(column(csv, 'Vendor')).toEqual(['深度求索']);
    const bad = await download('/api/vendors/export.csv?tier=enormous');
    expect(bad.status).toBe(400);
  });

  it('exports the AI system register one line per system, suppliers with tier and responsibilities', async () => {
    const [supplier] = await t.deps.db
      .insert(vendor)
      .values({ name: 'DeepSeek, "深度求索"', tier: 'high' })
      .returning();
    const system = await json<{ id: string }>(
      await t.request('/api/inventory', {
        method: 'POST',
        cookie: admin,
        json: {
          name: 'محمد assistant',
          purpose: 'Drafts replies, "politely", for\nsupport staff',
          owner: 'Support 🤖',
          origin: 'third_party',
          lifecycleStage: 'operation_monitoring',
          euAiActClass: 'limited',
          orgRole: 'deployer',
          dataCategories: ['customer_data'],
          decisionsAboutPeople: false,
          decisionsDescription: null,
          humanOversight: null,
          serviceIds: [],
          nextReviewOn: '2027-03-01',
        },
      }),
      201,
    );
    await json(
      await t.request(`/api/inventory/${system.id}/suppliers`, {
        method: 'PUT',
        cookie: admin,
        json: {
          vendorId: supplier!.id,
          responsibilities: { incident_handling: { party: 'supplier', note: 'within 24 h, by contract' } },
        },
      }),
      200,
    );
    const csv = await readCsvDownload(await download('/api/inventory/export.csv'), 'ai-systems');
    const row = Object.fromEntries(csv.header.map((h, i) => [h, csv.rows[0]![i]]));
    expect(csv.rows).toHaveLength(1);
    expect(row).toMatchObject({
      'AI system': 'محمد assistant',
      Purpose: 'Drafts replies, "politely", for\nsupport staff',
      Owner: 'Support 🤖',
      'Lifecycle stage': 'operation_monitoring',
      'EU AI Act class': 'limited',
      'EU AI Act role': 'deployer',
      'Next review': '2027-03-01',
    });
    expect(row.Suppliers).toContain('DeepSeek, "深度求索" (tier high)');
    expect(row.Suppliers).toContain('Handling incidents: supplier (within 24 h, by contract)');
    const filtered = await readCsvDownload(
      await download('/api/inventory/export.csv?euAiActClass=high_risk'),
      'ai-systems',
    );
    expect(filtered.rows).toEqual([]);
  });

  it('exports devices and access requests without any credential', async () => {
    const device = await enrollTestDevice(t, 'محمد@example.com');
    const asked = await t.request('/api/ext/requests', {
      method: 'POST',
      headers: device.auth,
      json: {
        clientRequestId: randomUUID(),
        serviceId: 'openai-chatgpt',
        justification: 'Summaries, "short" ones, for 深度 reports',
        intendedUse: '=HYPERLINK("http://evil")',
        dataCategories: ['public'],
      },
    });
    expect(asked.status).toBeLessThan(300);

    const devices = await readCsvDownload(await download('/api/devices/export.csv', 'auditor'), 'devices');
    const listed = await json<{ items: { userKey: string | null; userLabel: string | null }[] }>(
      await t.request('/api/devices?limit=500', { cookie: admin }),
      200,
    );
    expect(column(devices, 'User')).toEqual(listed.items.map((d) => d.userLabel ?? d.userKey));
    const requests = await readCsvDownload(
      await download('/api/requests/export.csv', 'auditor'),
      'access-requests',
    );
    expect(column(requests, 'Why')).toEqual(['Summaries, "short" ones, for 深度 reports']);
    expect(column(requests, 'Intended use')).toEqual(['\'=HYPERLINK("http://evil")']);
    for (const body of [devices.body, requests.body]) {
      for (const secret of [device.credential, device.token]) expect(body).not.toContain(secret);
    }
  });

  it('reads a long table page by page, newest first, without repeating or dropping a row', async () => {
    // 4,500 requests over a few milliseconds, seven to a microsecond: ties on the timestamp fall
    // across the 2,000-row page boundaries, and a key cut to JS milliseconds would skip rows.
    await t.deps.db.execute(sql`
      insert into access_request (client_request_id, service_id, justification, intended_use, created_at)
      select gen_random_uuid(), 'openai-chatgpt', 'Bulk request ' || s, 'Testing', 
             timestamp with time zone '2026-06-01T00:00:00Z' + (s / 7) * interval '1 microsecond'
      from generate_series(1, 4500) as s`);
    const stored = await t.deps.db
      .select({ id: accessRequest.id })
      .from(accessRequest)
      .orderBy(desc(accessRequest.createdAt), desc(accessRequest.id));
    const csv = await readCsvDownload(await download('/api/requests/export.csv'), 'access-requests');
    expect(column(csv, 'Request id')).toEqual(stored.map((r) => r.id));
  });

  it('exports every table its list route serves, row for row', async () => {
    const pairs: [string, string, string, (body: never) => unknown[]][] = [
      [
        '/api/assessments?limit=500',
        '/api/assessments/export.csv',
        'assessments',
        (b: { items: [] }) => b.items,
      ],
      ['/api/findings?limit=500', '/api/findings/export.csv', 'findings', (b: { items: [] }) => b.items],
      ['/api/devices?limit=500', '/api/devices/export.csv', 'devices', (b: { items: [] }) => b.items],
      [
        '/api/overview?days=90',
        '/api/overview/export.csv?days=90',
        'usage-90-days',
        (b: { services: [] }) => b.services,
      ],
    ];
    for (const [list, exported, stem, rowsOf] of pairs) {
      const listed = rowsOf(await json<never>(await t.request(list, { cookie: admin }), 200));
      const csv = await readCsvDownload(await download(exported), stem);
      expect(csv.rows, exported).toHaveLength(listed.length);
    }
  });

  it('exports the audit trail as it stood when the download started, and records who took it', async () => {
    const listed = await json<{ items: { seq: number; action: string }[] }>(
      await t.request('/api/audit?limit=500', { cookie: admin }),
      200,
    );
    const res = await download('/api/audit/export.csv', 'auditor');
    const [own] = await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(own).toMatchObject({
      action: 'export.downloaded',
      actorLabel: 'auditor@example.test',
      targetType: 'export',
      targetId: 'audit',
    });
    // Appended while the file streams: after the bound the export took, so not in the file.
    await t.request('/api/vendors/export.csv', { cookie: admin });
    const csv = await readCsvDownload(res, 'audit-trail');
    expect(column(csv, 'Sequence')).toEqual(listed.items.map((e) => String(e.seq)));
    expect(column(csv, 'Action')).toEqual(listed.items.map((e) => e.action));
    expect(column(csv, 'Sequence')).not.toContain(String(own!.seq));

    const onlyExports = await readCsvDownload(
      await download('/api/audit/export.csv?action=export.downloaded'),
      'audit-trail',
    );
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'export.downloaded'));
    // Every download so far but this one's own entry.
    expect(onlyExports.rows).toHaveLength(entries.length - 1);
  });

  it('exports the whole register where a page of the list holds at most 500', async () => {
    await t.deps.db
      .insert(vendor)
      .values(Array.from({ length: 600 }, (_, i) => ({ name: `Bulk vendor ${String(i).padStart(3, '0')}` })));
    const total = (await t.deps.db.select({ id: vendor.id }).from(vendor)).length;
    const listed = await json<{ items: unknown[]; nextCursor: string | null }>(
      await t.request('/api/vendors?limit=500', { cookie: admin }),
      200,
    );
    expect(listed.items).toHaveLength(500);
    expect(listed.nextCursor).not.toBeNull();
    const csv = await readCsvDownload(await download('/api/vendors/export.csv'), 'vendors');
    expect(csv.rows).toHaveLength(total);
  });

  it('describes every export in the API document as a CSV file', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { responses?: Record<string, { content?: object }> } }>;
    };
    const exports = Object.keys(doc.paths).filter((p) => p.endsWith('/export.csv'));
    expect(exports.sort()).toEqual(
      [
        'assessments',
        'audit',
        'devices',
        'discovery/services',
        'findings',
        'inventory',
        'overview',
        'requests',
        'vendors',
      ].map((table) => `/api/${table}/export.csv`),
    );
    for (const path of exports) {
      expect(Object.keys(doc.paths[path]?.get?.responses?.['200']?.content ?? {})).toEqual(['text/csv']);
    }
  });

  it('refuses roles the list refuses', async () => {
    expect((await download('/api/audit/export.csv', 'procurement')).status).toBe(403);
    expect((await download('/api/vendors/export.csv', 'viewer')).status).toBe(403);
    expect((await t.request('/api/vendors/export.csv')).status).toBe(401);
  });
});
