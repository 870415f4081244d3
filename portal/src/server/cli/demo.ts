// Usage: pnpm demo [--people 300] [--days 90]  (root) — fills an empty portal database with generated AI use.
// Uses DATABASE_URL, or the embedded database in DATA_DIR like the portal; stop the portal first on PGlite.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import { usageDaily } from '@sightline/db/schema/usage';
import { asc, eq } from 'drizzle-orm';
import { createAuth } from '../auth/auth';
import { ensureFirstAdmin, ensureOrgSettings, resolveAuthSecret } from '../bootstrap';
import { loadEnv } from '../env';
import { seedDemoUsage } from '../features/discovery/demo-usage';
import { ensureBuiltInTemplates } from '../features/templates/templates-service';
import { foldRollupDeltas } from '../features/usage-rollups/fold-deltas';

const { values: args } = parseArgs({
  options: { people: { type: 'string', default: '300' }, days: { type: 'string', default: '90' } },
});
const people = Number(args.people);
const days = Number(args.days);
if (
  !Number.isInteger(people) ||
  people < 1 ||
  people > 100_000 ||
  !Number.isInteger(days) ||
  days < 1 ||
  days > 400
) {
  console.error('--people is 1 to 100000 and --days 1 to 400');
  process.exit(2);
}
const env = loadEnv();
const dataDir = resolve(env.DATA_DIR);
const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') });
const [used] = await handle.db.select({ day: usageDaily.day }).from(usageDaily).limit(1);
if (used) {
  console.error(
    'This portal database already holds usage; the demo only fills an empty one.\n' +
      'Point DATA_DIR at a new directory (or DATABASE_URL at a new database) and run it again.',
  );
  await handle.close();
  process.exit(1);
}
await ensureOrgSettings(handle.db);
await ensureBuiltInTemplates(handle.db);
const auth = createAuth({
  db: handle.db,
  secret: resolveAuthSecret(env.AUTH_SECRET, dataDir),
  publicUrl: env.PUBLIC_URL,
  secureCookies: false,
});
const firstAdmin = await ensureFirstAdmin(handle.db, auth, env.ADMIN_EMAIL);
const [admin] = await handle.db
  .select({ id: user.id, email: user.email, name: user.name })
  .from(user)
  .where(eq(user.role, 'admin'))
  .orderBy(asc(user.createdAt))
  .limit(1);

const started = performance.now();
console.log(`Generating ${days} days of AI use for ${people} people on 60 services…`);
const result = await seedDemoUsage(handle.db, {
  now: new Date(),
  people,
  days,
  ...(admin ? { actor: { type: 'staff' as const, user: { ...admin, role: 'admin' as const } } } : {}),
});
// The portal's fold worker would move the fleet rollups' deltas within seconds; do it now.
await foldRollupDeltas(handle.db);
await handle.close();
console.log(
  [
    `Stored ${result.events.toLocaleString('en-GB')} usage events from ${result.browsers} browsers (${result.people} people, ${result.services} services) in ${Math.round((performance.now() - started) / 1000)} s,`,
    `with policies for a few services, five open access requests and departments for ${result.withDepartment} people.`,
    '',
    `Start the portal:  ${env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}pnpm start   (or pnpm --filter @sightline/portal run start after a build)`,
    `Then open ${env.PUBLIC_URL} and sign in.`,
    ...(firstAdmin
      ? [`First admin (shown once): ${firstAdmin.email} / ${firstAdmin.password}`]
      : ['Sign in with an existing admin account.']),
  ].join('\n'),
);
