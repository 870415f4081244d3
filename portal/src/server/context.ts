import type { Db } from '@sightline/db/client';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { Auth } from './auth/auth';
import type { Env } from './env';
import type { Mailer } from './mail/mailer';

/** What the app is built from, once at start (or per test). */
export type AppDeps = {
  db: Db;
  env: Env;
  auth: Auth;
  mailer: Mailer;
  /** Reads the current time; tests replace it to move through due dates and reminders. */
  clock: () => Date;
};

/**
 * What a service is given: the app's dependencies it uses, and `now`, the one instant the request or
 * worker run happens at, read from the clock once (service-deps.ts) so a whole operation sees one time.
 * Work that outlasts that instant (renewing a lease while a mail is sent) reads `clock` instead.
 * Services declare the part they use: `Pick<ServiceDeps, 'db' | 'now'>`.
 */
export type ServiceDeps = {
  db: Db;
  env: Env;
  auth: Auth;
  mailer: Mailer;
  now: Date;
  clock: () => Date;
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
