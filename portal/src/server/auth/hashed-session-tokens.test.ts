import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schema } from '@sightline/db/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../secret-token';
import { createTestApp, sessionCookie, TEST_PASSWORD, type TestApp } from '../testing/test-app';
import { createStaffUser } from './auth';
import { hashSessionToken } from './hashed-session-tokens';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaffUser(t.deps.auth, {
    email: 'sam@example.test',
    name: 'Sam',
    role: 'procurement',
    password: TEST_PASSWORD,
  });
});
afterAll(() => t?.close());

async function signIn(): Promise<{ cookie: string; rawToken: string }> {
  const res = await t.request('/api/auth/sign-in/email', {
    method: 'POST',
    json: { email: 'sam@example.test', password: TEST_PASSWORD },
  });
  expect(res.status).toBe(200);
  const cookie = sessionCookie(res);
  // The cookie is `<name>=<token>.<signature>`, URL-encoded.
  const rawToken = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
  return { cookie, rawToken };
}

/** A session cookie for any token, signed with the portal's secret as better-auth signs them. */
function signedCookie(token: string): string {
  const signature = createHmac('sha256', t.deps.env.AUTH_SECRET!).update(token).digest('base64');
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

const storedTokens = async (userId: string) =>
  (await t.deps.db.select().from(schema.session).where(eq(schema.session.userId, userId))).map(
    (s) => s.token,
  );

describe('session tokens at rest', () => {
  it('stores only a digest of the token, and the cookie holding the raw token still signs in', async () => {
    const { cookie, rawToken } = await signIn();
    const me = await t.request('/api/me', { cookie });
    expect(me.status).toBe(200);
    const { id } = ((await me.json()) as { user: { id: string } }).user;

    const stored = await storedTokens(id);
    expect(stored).toContain(`sha256:${sha256Hex(rawToken)}`);
    expect(stored).not.toContain(rawToken);
    expect(stored.every((s) => s.startsWith('sha256:'))).toBe(true);
  });

  it('refuses a cookie made from the stored value, even signed with the secret', async () => {
    const { rawToken } = await signIn();
    // The hand-made cookie for the raw token works, so the refusal below is about the value alone.
    expect((await t.request('/api/me', { cookie: signedCookie(rawToken) })).status).toBe(200);
    const res = await t.request('/api/me', { cookie: signedCookie(hashSessionToken(rawToken)) });
    expect(res.status).toBe(401);
  });

  it('sign-out removes the stored session', async () => {
    const { cookie, rawToken } = await signIn();
    const me = ((await (await t.request('/api/me', { cookie })).json()) as { user: { id: string } }).user;
    const res = await t.request('/api/auth/sign-out', { method: 'POST', cookie });
    expect(res.status).toBe(200);
    expect(await storedTokens(me.id)).not.toContain(hashSessionToken(rawToken));
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
  });

  it('hashes tokens stored before, with the same digest the portal computes (migration 0002)', async () => {
    const migration = readFileSync(
      resolve(import.meta.dirname, '../../../../db/migrations/0002_hash_session_tokens.sql'),
      'utf8',
    );
    const { rawToken } = await signIn();
    const row = (
      await t.deps.db
        .select()
        .from(schema.session)
        .where(eq(schema.session.token, hashSessionToken(rawToken)))
    )[0]!;
    // Put the session back as an older portal stored it, then run the migration's statement again.
    await t.deps.db.update(schema.session).set({ token: rawToken }).where(eq(schema.session.id, row.id));
    await t.deps.db.execute(sql.raw(migration.replace(/^--.*$/gm, '')));
    const [after] = await t.deps.db.select().from(schema.session).where(eq(schema.session.id, row.id));
    expect(after!.token).toBe(hashSessionToken(rawToken));
    expect((await t.request('/api/me', { cookie: signedCookie(rawToken) })).status).toBe(200);
  });
});
