// Usage: pnpm --filter @sightline/portal run reset-password <email>
// Stop the portal first when it runs on the embedded database (PGlite allows one process at a time).
import { join, resolve } from 'node:path';
import { createDb } from '@sightline/db/client';
import { createAuth } from '../auth/auth';
import { resetStaffPassword } from '../auth/reset-password';
import { resolveAuthSecret } from '../bootstrap';
import { loadEnv } from '../env';

const email = process.argv[2];
if (!email) {
  console.error('Usage: pnpm --filter @sightline/portal run reset-password <email>');
  process.exit(2);
}
const env = loadEnv();
const dataDir = resolve(env.DATA_DIR);
const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') });
const auth = createAuth({
  db: handle.db,
  secret: resolveAuthSecret(env.AUTH_SECRET, dataDir),
  publicUrl: env.PUBLIC_URL,
  secureCookies: false,
});
const password = await resetStaffPassword(handle.db, auth, email);
await handle.close();
if (!password) {
  console.error(`No staff member with the email ${email}`);
  process.exit(1);
}
console.log(
  `New one-time password for ${email}: ${password}\n(their sessions were ended; they choose a new password when they sign in with it)`,
);
