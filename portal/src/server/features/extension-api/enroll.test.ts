import { auditLog } from '@sightline/db/schema/audit';
import { device } from '@sightline/db/schema/devices';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';
import { enrollTestDevice } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /api/ext/enroll', () => {
  it('exchanges a valid token for a device credential and stores only its hash', async () => {
    const enrolled = await enrollTestDevice(t);
    expect(enrolled.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await t.deps.db.select().from(device).where(eq(device.id, enrolled.deviceId));
    expect(row?.credentialHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.credentialHash).not.toContain(enrolled.credential);
    // Pseudonymised by default: no plain email on the device.
    expect(row?.userKey).toMatch(/^p_[0-9a-f]{24}$/);
    expect(row?.userLabel).toBeNull();
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'device.enrolled'));
    expect(audit.map((a) => a.targetId)).toContain(enrolled.deviceId);
    const policy = await t.request('/api/ext/policy', { headers: enrolled.auth });
    expect(policy.status).toBe(200);
  });

  it('refuses an unknown token with 401 and creates no device', async () => {
    const before = (await t.deps.db.select().from(device)).length;
    const res = await t.request('/api/ext/enroll', { method: 'POST', json: { token: 'x'.repeat(43) } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe('unauthenticated');
    expect((await t.deps.db.select().from(device)).length).toBe(before);
  });

  it('refuses a revoked token', async () => {
    const { token, tokenId } = await enrollTestDevice(t);
    const admin = await t.signInAs('admin');
    const revoke = await t.request(`/api/enrollment-tokens/${tokenId}/revoke`, {
      method: 'POST',
      cookie: admin,
    });
    expect(revoke.status).toBe(200);
    const res = await t.request('/api/ext/enroll', { method: 'POST', json: { token } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.message).toMatch(/revoked/);
  });

  it('refuses an expired token', async () => {
    const admin = await t.signInAs('admin');
    const created = await t.request('/api/enrollment-tokens', {
      method: 'POST',
      cookie: admin,
      json: { label: 'Short', expiresInDays: 1 },
    });
    const { token } = (await created.json()) as { token: string };
    const start = t.clock.now();
    t.clock.advanceDays(2);
    const res = await t.request('/api/ext/enroll', { method: 'POST', json: { token } });
    t.clock.set(start);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.message).toMatch(/expired/);
  });

  it('rejects a malformed body with 400 and unknown fields too', async () => {
    expect((await t.request('/api/ext/enroll', { method: 'POST', json: { token: 'short' } })).status).toBe(
      400,
    );
    const extra = await t.request('/api/ext/enroll', {
      method: 'POST',
      json: { token: 'x'.repeat(43), admin: true },
    });
    expect(extra.status).toBe(400);
    const notJson = await t.request('/api/ext/enroll', {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
  });

  it('throttles a client guessing tokens', async () => {
    let last = 0;
    for (let i = 0; i < 22; i++) {
      const res = await t.request('/api/ext/enroll', {
        method: 'POST',
        json: { token: `guess${i}`.padEnd(43, 'a') },
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      last = res.status;
    }
    expect(last).toBe(429);
  });

  it('a revoked device gets 401 with reason revoked', async () => {
    const enrolled = await enrollTestDevice(t);
    const admin = await t.signInAs('admin');
    const revoke = await t.request(`/api/devices/${enrolled.deviceId}/revoke`, {
      method: 'POST',
      cookie: admin,
    });
    expect(revoke.status).toBe(200);
    const res = await t.request('/api/ext/policy', { headers: enrolled.auth });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { details: { reason: string } } };
    expect(body.error.details.reason).toBe('revoked');
    const again = await t.request(`/api/devices/${enrolled.deviceId}/revoke`, {
      method: 'POST',
      cookie: admin,
    });
    expect(again.status).toBe(409);
  });

  it('an unknown credential gets 401', async () => {
    const res = await t.request('/api/ext/policy', {
      headers: { authorization: `Bearer ${'z'.repeat(43)}` },
    });
    expect(res.status).toBe(401);
    expect((await t.request('/api/ext/policy')).status).toBe(401);
  });
});
