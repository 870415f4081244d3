/** A staff member's browser, reduced to what the API needs: a cookie jar and the portal's Origin. */
export type StaffClient = {
  call: (path: string, init?: { method?: string; json?: unknown }) => Promise<Response>;
  /** The cookies as they would be sent now (`name=value; …`). */
  cookie: () => string;
};

export function staffClient(base: string, initialCookie = ''): StaffClient {
  const jar = new Map<string, string>();
  for (const pair of initialCookie.split('; ').filter(Boolean)) {
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    cookie,
    async call(path, init = {}) {
      const headers: Record<string, string> = { origin: base };
      if (jar.size) headers.cookie = cookie();
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
      for (const set of res.headers.getSetCookie()) {
        const [pair = '', ...attributes] = set.split(';').map((part) => part.trim());
        const at = pair.indexOf('=');
        const name = pair.slice(0, at);
        const value = pair.slice(at + 1);
        const expired = attributes.some((a) => /^max-age=0$/i.test(a)) || value === '';
        if (expired) jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    },
  };
}
