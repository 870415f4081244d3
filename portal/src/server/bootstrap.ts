import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import { orgSettings } from '@sightline/db/schema/org';
import { eq } from 'drizzle-orm';
import { recordAudit } from './audit/record-audit';
import { type Auth, createStaffUser } from './auth/auth';

/** The session-signing secret: from the environment, else generated once and kept beside the data. */
export function resolveAuthSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Creates the organisation's settings row on first start. */
export async function ensureOrgSettings(db: Db): Promise<void> {
  await db
    .insert(orgSettings)
    .values({ id: 1, pseudonymSecret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: orgSettings.id });
}

export type FirstAdmin = { email: string; password: string };

/**
 * With no staff at all, creates the first admin with a random one-time password (never a fixed
 * default), which they must replace at their first sign-in. Returns the credentials to print once,
 * or null when staff already exist.
 */
export async function ensureFirstAdmin(db: Db, auth: Auth, email: string): Promise<FirstAdmin | null> {
  const [anyone] = await db.select({ id: user.id }).from(user).limit(1);
  if (anyone) return null;
  const password = randomBytes(18).toString('base64url');
  const created = await createStaffUser(auth, {
    email,
    name: 'Administrator',
    role: 'admin',
    password,
    oneTimePassword: true,
  });
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.id, created.id));
  await recordAudit(db, {
    actor: { type: 'system' },
    action: 'staff.first_admin_created',
    targetType: 'user',
    targetId: row?.id,
    details: { email },
  });
  return { email, password };
}
