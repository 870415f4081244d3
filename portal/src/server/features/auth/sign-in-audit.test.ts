import { auditLog } from '@sightline/db/schema/audit';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../auth/auth';
import { createTestApp, sessionCookie, TEST_PASSWORD, type TestApp } from '../../testing/test-app';

let t: TestApp;
let rita: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  rita = await createStaffUser(t.deps.auth, {
    email: 'rita@example.test',
    name: 'Rita',
    role: 'reviewer',
    password: TEST_PASSWORD,
  });
});
afterAll(() => t?.close());

const signIn = (email: string, password: string) =>
  t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });

async function entries(action: string) {
  return t.deps.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.seq));
}

describe('sign-ins and sign-outs in the audit trail', () => {
  it('names the person who signed in as the actor, and who signed out', async () => {
    const res = await signIn('rita@example.test', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect((await entries('auth.sign_in')).at(-1)).toMatchObject({
      actorType: 'staff',
      actorId: rita.id,
      actorLabel: 'rita@example.test',
      targetType: 'user',
      targetId: rita.id,
    });
    const signOut = await t.request('/api/auth/sign-out', {
      method: 'POST',
      cookie: sessionCookie(res),
      json: {},
    });
    expect(signOut.status).toBe(200);
    expect((await entries('auth.sign_out')).at(-1)).toMatchObject({
      actorType: 'staff',
      actorId: rita.id,
      actorLabel: 'rita@example.test',
    });
  });

  it('records a failed sign-in against the account it aimed at, never with the password', async () => {
    expect((await signIn('rita@example.test', 'my-secret-guess-1234')).status).toBe(401);
    const failed = (await entries('auth.sign_in_failed')).at(-1);
    expect(failed).toMatchObject({
      actorType: 'anonymous',
      targetType: 'user',
      targetId: rita.id,
      details: { email: 'rita@example.test' },
    });
    expect(JSON.stringify(failed)).not.toContain('my-secret-guess-1234');
  });

  it('keeps only a digest of an email that names nobody (it may be a password typed in the wrong field)', async () => {
    expect((await signIn('Tr0ub4dor&3-typed-here', 'whatever-else-123')).status).toBe(401);
    const failed = (await entries('auth.sign_in_failed')).at(-1)!;
    expect(failed.actorType).toBe('anonymous');
    expect(failed.details.emailSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(failed).toLowerCase()).not.toContain('tr0ub4dor');
    expect(JSON.stringify(failed)).not.toContain('whatever-else-123');
  });
});
