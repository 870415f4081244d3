import type { Db } from '@sightline/db/client';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { Auth } from './auth/auth';
import type { Env } from './env';
import type { Mailer } from './mail/mailer';

/** What every service may depend on; built once at start (or per test). */
export type AppDeps = {
  db: Db;
  env: Env;
  auth: Auth;
  mailer: Mailer;
  /** The current time; tests replace it to move through due dates and reminders. */
  now: () => Date;
};

export type StaffUser = { id: string; email: string; name: string; role: StaffRole };

/** Who is calling, as established by the route's access middleware. */
export type Actor =
  | { type: 'staff'; user: StaffUser }
  | { type: 'device'; deviceId: string }
  | { type: 'vendor'; assessmentId: string; tokenId: string }
  | { type: 'anonymous' }
  | { type: 'system' };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    staff: StaffUser | null;
    /** The signed-in staff member still holds a one-time password: only a new password unlocks the API. */
    passwordChangeRequired: boolean;
    actor: Actor;
  };
};
