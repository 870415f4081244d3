import { auditLog } from '@sightline/db/schema/audit';
import { staffInvitation } from '@sightline/db/schema/auth';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAs('admin');
});
afterAll(() => t?.close());

async function snapshot() {
  const [a] = await t.deps.db.select({ n: count() }).from(auditLog);
  const [i] = await t.deps.db.select({ n: count() }).from(staffInvitation);
  return { audit: a!.n, invitations: i!.n };
}

async function expectErrorShape(res: Response, status: number) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

describe('bad input', () => {
  const invite = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.request('/api/users/invitations', { method: 'POST', cookie: admin, body, headers });

  it('rejects malformed JSON, wrong types, unknown fields and bad values with 400 and changes nothing', async () => {
    const before = await snapshot();
    const cases = [
      '{"email": "a@b.test", "name": ',
      'null',
      '[]',
      JSON.stringify({ email: 42, name: 'A', role: 'reviewer' }),
      JSON.stringify({ email: 'a@b.test', name: 'A', role: 'superuser' }),
      JSON.stringify({ email: 'not-an-email', name: 'A', role: 'reviewer' }),
      JSON.stringify({ email: 'a@b.test', name: 'A', role: 'reviewer', isAdmin: true }),
      JSON.stringify({ email: 'a@b.test', name: '', role: 'reviewer' }),
      JSON.stringify({ email: 'nul@b.test', name: 'Nul\u0000Byte', role: 'reviewer' }),
    ];
    for (const body of cases) await expectErrorShape(await invite(body), 400);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects an oversized body with 413 and changes nothing', async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ email: 'a@b.test', name: 'x'.repeat(2 * 1024 * 1024), role: 'reviewer' });
    const body = await expectErrorShape(await invite(huge), 413);
    expect(body.error.code).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bad path parameters and query values with 400', async () => {
    await expectErrorShape(
      await t.request('/api/users/invitations/not-a-uuid', { method: 'DELETE', cookie: admin }),
      400,
    );
    await expectErrorShape(await t.request('/api/audit?limit=-5', { cookie: admin }), 400);
    await expectErrorShape(await t.request('/api/audit?before=abc', { cookie: admin }), 400);
  });

  it('refuses a cookie-authenticated change from another origin', async () => {
    const before = await snapshot();
    const res = await t.request('/api/users/invitations', {
      method: 'POST',
      cookie: admin,
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@b.test', name: 'X', role: 'viewer' }),
    });
    await expectErrorShape(res, 403);
    expect(await snapshot()).toEqual(before);
  });

  it('answers unknown API paths with 404 in the error shape and sets a strict CSP', async () => {
    const res = await t.request('/api/nope');
    await expectErrorShape(res, 404);
    const page = await t.request('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
