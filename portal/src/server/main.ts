import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createDb } from '@sightline/db/client';
import { createApp } from './app';
import { createAuth } from './auth/auth';
import { ensureFirstAdmin, ensureOrgSettings, type FirstAdmin, resolveAuthSecret } from './bootstrap';
import type { AppDeps } from './context';
import { loadEnv, servedOverHttps } from './env';
import { ensureBuiltInTemplates } from './features/templates/templates-service';
import { createMailer } from './mail/mailer';
import { startWorkers } from './workers';

const env = loadEnv();
const dataDir = resolve(env.DATA_DIR);
const authOptions = {
  secret: resolveAuthSecret(env.AUTH_SECRET, dataDir),
  publicUrl: env.PUBLIC_URL,
  secureCookies: servedOverHttps(env),
};
const bootstrap: { firstAdmin: FirstAdmin | null } = { firstAdmin: null };
const handle = await createDb({
  databaseUrl: env.DATABASE_URL,
  dataDir: join(dataDir, 'pglite'),
  // Under the start-up lock: instances starting together on a new database make one settings row,
  // one copy of each template and one first admin (the others find them and print no password).
  setup: async (db) => {
    await ensureOrgSettings(db);
    await ensureBuiltInTemplates(db);
    bootstrap.firstAdmin = await ensureFirstAdmin(db, createAuth({ db, ...authOptions }), env.ADMIN_EMAIL);
  },
});
const auth = createAuth({ db: handle.db, ...authOptions });
const deps: AppDeps = {
  db: handle.db,
  env,
  auth,
  mailer: createMailer(env.SMTP_URL, env.MAIL_FROM),
  clock: () => new Date(),
};
const app = createApp(deps);
const stopWorkers = env.WORKERS === 'on' ? startWorkers(deps) : () => {};

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  // performance.now() counts from the process's start, so this includes loading the code.
  const ms = Math.round(performance.now());
  const lines = [
    '',
    `Sightline portal is running at ${env.PUBLIC_URL}  (listening on ${info.address}:${info.port}, ready ${ms} ms after the process started)`,
    `  database:  ${handle.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${join(dataDir, 'pglite')}` : 'PostgreSQL server from DATABASE_URL'}`,
    `  API docs:  ${env.PUBLIC_URL}/api/docs`,
    `  extension: ${resolve(import.meta.dirname, '../../../extension/.output/chrome-mv3')} (load unpacked in Chromium)`,
    `  mail:      ${deps.mailer.configured ? 'SMTP' : 'no SMTP configured: mails wait in the portal outbox'}`,
  ];
  const { firstAdmin } = bootstrap;
  if (firstAdmin) {
    lines.push(
      '',
      `  First admin (shown once; you choose your own password at the first sign-in):`,
      `    email:    ${firstAdmin.email}`,
      `    password: ${firstAdmin.password}`,
    );
  }
  console.log(lines.join('\n'));
});

async function shutdown() {
  stopWorkers();
  server.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
