/**
 * better-auth puts the raw session token in the JSON of sign-in (`token`) and of get-session
 * (`session.token`). The browser already holds it in an httpOnly cookie, which page scripts cannot
 * read; a copy in a response body would undo that. This takes it out of the body and keeps
 * everything else (status, cookies, other headers) as it was.
 */
export async function withoutSessionToken(res: Response): Promise<Response> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return res;
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(stripTokens(body)), {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
}

function stripTokens(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { token: _token, ...rest } = body as Record<string, unknown>;
  const session = rest.session;
  if (session && typeof session === 'object' && !Array.isArray(session)) {
    const { token: _sessionToken, ...sessionRest } = session as Record<string, unknown>;
    rest.session = sessionRest;
  }
  return rest;
}
