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

  it('refuses a body that is not JSON on a JSON route with 415, even where every field is optional', async () => {
    // Hono reads any other type as {}: an empty settings change would have been made and audited.
    const before = await snapshot();
    for (const type of ['text/plain', 'text/json', 'application/x-www-form-urlencoded']) {
      const res = await t.request('/api/settings', {
        method: 'PATCH',
        cookie: admin,
        body: JSON.stringify({ name: 'Renamed by a form' }),
        headers: { 'content-type': type },
      });
      expect((await expectErrorShape(res, 415)).error.code).toBe('unsupported_media_type');
    }
    const untyped = invite(JSON.stringify({ email: 'a@b.test', name: 'A', role: 'viewer' }), {});
    await expectErrorShape(await untyped, 415);
    expect(await snapshot()).toEqual(before);
    const settings = (await (await t.request('/api/settings', { cookie: admin })).json()) as { name: string };
    expect(settings.name).not.toBe('Renamed by a form');
  });

  it('refuses text holding a lone surrogate (not storable as UTF-8 or jsonb) with 400', async () => {
    const before = await snapshot();
    for (const body of [
      '{"email": "a@b.test", "name": "Ada \\ud800", "role": "viewer"}',
      '{"email": "a@b.test", "name": "\\udc00 Lovelace", "role": "viewer"}',
    ]) {
      const res = await invite(body);
      expect((await expectErrorShape(res, 400)).error.message).toMatch(/lone UTF-16 surrogate/);
    }
    const settings = await t.request('/api/settings', {
      method: 'PATCH',
      cookie: admin,
      body: '{"name": "Acme \\ud83e"}',
      headers: { 'content-type': 'application/json' },
    });
    await expectErrorShape(settings, 400);
    expect(await snapshot()).toEqual(before);
    // A whole pair is one character and fine.
    const pair = await invite('{"email": "pair@b.test", "name": "Ada \\ud83e\\udd16", "role": "viewer"}');
    expect(pair.status).toBe(201);
  });

  it('rejects bad path parameters and query values with 400', async () => {
    await expectErrorShape(
      await t.request('/api/users/invitations/not-a-uuid', { method: 'DELETE', cookie: admin }),
      400,
    );
    await expectErrorShape(await t.request('/api/audit?limit=-5', { cookie: admin }), 400);
    await expectErrorShape(await t.request('/api/audit?cursor=not-a-cursor', { cookie: admin }), 400);
  });

  it('answers a JSON body over 1 MB sent to an upload route with 413 at once', async () => {
    // Upload routes skip the 1 MB cap; the NUL check read a copy of the body, stopped at 1 MB and
    // then waited for ever to cancel the copy (a teed stream cancels only when both halves do).
    const vendor = (await (
      await t.request('/api/vendors', { method: 'POST', cookie: admin, json: { name: 'Big Body Ltd' } })
    ).json()) as { id: string };
    const res = await t.request(`/api/vendors/${vendor.id}/documents`, {
      method: 'POST',
      cookie: admin,
      body: JSON.stringify({ x: 'a'.repeat(1024 * 1024 + 16) }),
      headers: { 'content-type': 'application/json' },
    });
    await expectErrorShape(res, 413);
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
