import { rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app';

// PostgreSQL cannot store U+0000. Whatever route, whatever field, a NUL is refused with 400 in the
// error shape before anything runs, and nothing is written.
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAs('admin');
});
afterAll(() => t?.close());

function apiRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path === '/api/*') continue;
    seen.add(`${r.method} ${r.path}`);
  }
  return [...seen].map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, path };
  });
}

/** A URL for a route pattern, each parameter (or a trailing *) given `value`. */
function urlFor(pattern: string, value: string): string {
  return pattern.replace(/:([A-Za-z]+)(\{[^}]+\})?/g, value).replace(/\*$/, value);
}

/** Rows in every table, so a test can tell that a refused request wrote nothing at all. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await t.deps.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number | string }>(
      await t.deps.db.execute(sql`select count(*) as n from ${sql.identifier(name)}`),
    );
    counts[name] = Number(row?.n);
  }
  return counts;
}

async function expectNulRefused(res: Response, what: string) {
  expect(res.status, what).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code, what).toBe('bad_request');
  expect(body.error.message, what).toMatch(/NUL character/);
}

const mutating = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

describe('a NUL character anywhere in a request', () => {
  it('in a JSON body (a value, a nested list, a key) is refused on every route that takes a body', async () => {
    const before = await rowCounts();
    const bodies = [
      { name: 'Acme\u0000Corp' },
      { answers: { 'profile.purpose': { value: ['fine', 'not\u0000fine'] } } },
      { 'na\u0000me': 'x' },
    ];
    const routes = apiRoutes().filter((r) => mutating(r.method));
    expect(routes.length).toBeGreaterThan(40);
    for (const { method, path } of routes) {
      for (const json of bodies) {
        const res = await t.request(urlFor(path, '00000000-0000-4000-8000-000000000000'), {
          method,
          json,
          cookie: admin,
        });
        await expectNulRefused(res, `${method} ${path} ${JSON.stringify(json)}`);
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('in a path parameter or the query is refused on every route', async () => {
    const before = await rowCounts();
    for (const { method, path } of apiRoutes()) {
      const json = mutating(method) ? {} : undefined;
      if (/[:*]/.test(path)) {
        const res = await t.request(urlFor(path, 'a%00b'), { method, json, cookie: admin });
        await expectNulRefused(res, `${method} ${path} with a NUL parameter`);
      }
      const query = await t.request(`${urlFor(path, 'x')}?q=%00`, { method, json, cookie: admin });
      await expectNulRefused(query, `${method} ${path} with a NUL in the query`);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('in a sign-in, which better-auth reads itself, is refused without counting a failed attempt', async () => {
    const before = await rowCounts();
    const res = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: 'admin\u0000@example.test', password: 'whatever it is' },
    });
    await expectNulRefused(res, 'sign-in');
    expect(await rowCounts()).toEqual(before);
  });

  it('in a form-encoded or plain-text body is refused too', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'email=a%00b&password=x'],
      ['text/plain', 'a\u0000b'],
    ] as const) {
      const res = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        body,
        headers: { 'content-type': type },
      });
      await expectNulRefused(res, type);
    }
  });

  it('is told apart from the text \\u0000 (a backslash, then u0000), which is stored as written', async () => {
    const res = await t.request('/api/users/invitations', {
      method: 'POST',
      cookie: admin,
      json: { email: 'backslash@example.test', name: 'C:\\u0000 folder', role: 'viewer' },
    });
    expect(res.status).toBe(201);
    const list = (await (await t.request('/api/users', { cookie: admin })).json()) as {
      invitations: { name: string }[];
    };
    expect(list.invitations.map((i) => i.name)).toContain('C:\\u0000 folder');
  });
});
