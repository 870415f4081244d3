import { TEST_ORIGIN, type TestApp } from '@sightline/portal/server/testing/test-app';

/** Cookies as a browser keeps them for one site: name → value, the latest wins. */
class CookieJar {
  private readonly values = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.values.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header() {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export type SsoOutcome = { location: string; cookie: string };

/**
 * A browser's single sign-on, without a browser: the portal's start call, the provider's own
 * redirects and login form over real HTTP (its cookies kept), then the provider's redirect back into
 * the portal's callback. Answers where the portal sends the person, and the portal's cookies.
 */
export async function signInThroughProvider(t: TestApp, email: string, login: string): Promise<SsoOutcome> {
  const portal = new CookieJar();
  const idp = new CookieJar();
  const start = await t.request('/api/auth/sign-in/sso', {
    method: 'POST',
    json: { email },
    headers: { origin: TEST_ORIGIN },
  });
  if (start.status !== 200) throw new Error(`SSO start answered ${start.status}: ${await start.text()}`);
  portal.take(start);
  let next = ((await start.json()) as { url: string }).url;
  for (let hop = 0; hop < 12 && !next.startsWith(TEST_ORIGIN); hop += 1) {
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: idp.header() } });
    idp.take(res);
    const location = res.headers.get('location');
    if (location) {
      next = new URL(location, next).toString();
      continue;
    }
    const form = (await res.text()).match(/action="([^"]+\/login)"/);
    if (!form) throw new Error(`The provider answered ${res.status} without a login form`);
    const posted = await fetch(new URL(form[1]!, next), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: idp.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login }),
    });
    idp.take(posted);
    next = new URL(posted.headers.get('location') ?? '', next).toString();
  }
  if (!next.startsWith(TEST_ORIGIN)) throw new Error(`Never got back to the portal: ${next}`);
  const back = await t.request(next.slice(TEST_ORIGIN.length), { cookie: portal.header() });
  portal.take(back);
  return { location: back.headers.get('location') ?? '', cookie: portal.header() };
}
