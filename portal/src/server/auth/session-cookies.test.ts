import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app';

// The session cookie is out of reach of scripts (HttpOnly), not sent on cross-site requests that
// change things (SameSite), and over HTTPS never sent in the clear (Secure, and the __Secure- prefix
// so that a plain-HTTP page cannot set one).
let http: TestApp;
let https: TestApp;
beforeAll(async () => {
  http = await createTestApp();
  https = await createTestApp({ env: { PUBLIC_URL: 'https://sightline.example' } });
});
afterAll(async () => {
  await http?.close();
  await https?.close();
});

type Cookie = { name: string; attributes: Map<string, string> };

function parse(setCookie: string): Cookie {
  const [pair, ...rest] = setCookie.split(';').map((p) => p.trim());
  const attributes = new Map(
    rest.map((a) => {
      const [k, ...v] = a.split('=');
      return [k!.toLowerCase(), v.join('=')] as [string, string];
    }),
  );
  return { name: pair!.split('=')[0]!, attributes };
}

/** The cookies a sign-in sets, and the ones a sign-out sets (clearing them). */
async function signInAndOut(t: TestApp): Promise<Cookie[]> {
  await t.signInAs('reviewer');
  const res = await t.request('/api/auth/sign-in/email', {
    method: 'POST',
    json: { email: 'reviewer@example.test', password: TEST_PASSWORD },
  });
  expect(res.status).toBe(200);
  const signedIn = res.headers.getSetCookie();
  const session = signedIn.map((c) => c.split(';')[0]!).join('; ');
  const out = await t.request('/api/auth/sign-out', {
    method: 'POST',
    cookie: session,
    headers: { origin: t.deps.env.PUBLIC_URL },
  });
  expect(out.status).toBe(200);
  return [...signedIn, ...out.headers.getSetCookie()].map(parse);
}

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax, for the whole site, and not Secure over plain HTTP', async () => {
    const cookies = await signInAndOut(http);
    expect(cookies.map((c) => c.name)).toContain('better-auth.session_token');
    for (const c of cookies) {
      expect(c.attributes.has('httponly'), c.name).toBe(true);
      expect(c.attributes.get('samesite')?.toLowerCase(), c.name).toBe('lax');
      expect(c.attributes.get('path'), c.name).toBe('/');
      expect(c.attributes.has('secure'), c.name).toBe(false);
    }
  });

  it('are also Secure, with the __Secure- prefix, when PUBLIC_URL is https', async () => {
    const cookies = await signInAndOut(https);
    expect(cookies.map((c) => c.name)).toContain('__Secure-better-auth.session_token');
    for (const c of cookies) {
      expect(c.name.startsWith('__Secure-'), c.name).toBe(true);
      expect(c.attributes.has('secure'), c.name).toBe(true);
      expect(c.attributes.has('httponly'), c.name).toBe(true);
      expect(c.attributes.get('samesite')?.toLowerCase(), c.name).toBe('lax');
    }
  });
});
