import { resolve } from 'node:path';
import { z } from 'zod';

const portalRoot = resolve(import.meta.dirname, '../..');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  /** Where people reach the portal; links in mails and the allowed Origin are built from it. */
  PUBLIC_URL: z.url().optional(),
  /** A PostgreSQL server. Unset: the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default(resolve(portalRoot, 'data')),
  /** Signs session cookies. Required in production; generated and kept in DATA_DIR otherwise. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** smtp://user:pass@host:port or smtps://… Unset: mails wait in the portal's outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  MAIL_FROM: z.string().default('Sightline <sightline@localhost>'),
  ADMIN_EMAIL: z.email().default('admin@sightline.local'),
  /** Proxies in front of the portal that append to X-Forwarded-For; 0 trusts only the socket address. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Requests one browser may make to the device API per minute (events, policy, requests). The
   * extension makes a few a minute; more means a loop or a copied credential. Over it: 429 with
   * Retry-After, and the extension waits that long with its queue intact.
   */
  DEVICE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Run the mail, reminder and rollup workers in this process (turn off on extra instances if wanted). */
  WORKERS: z.enum(['on', 'off']).default('on'),
});

export type Env = z.infer<typeof envSchema> & { PUBLIC_URL: string };

/** Parses the environment once; stops with a readable message on bad config. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET)
    throw new Error('AUTH_SECRET is required in production');
  return { ...env, PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '') };
}

/**
 * Whether people reach the portal over HTTPS. PUBLIC_URL decides, since it is the address they use
 * (TLS usually ends at a proxy in front, which the portal cannot see); a forwarded X-Forwarded-Proto
 * is not trusted for it. Over HTTPS every answer carries HSTS and session cookies are Secure.
 */
export function servedOverHttps(env: Pick<Env, 'PUBLIC_URL'>): boolean {
  return env.PUBLIC_URL.startsWith('https://');
}
