import { createPrivateKey, generateKeyPairSync, type JsonWebKey, randomUUID, sign } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export type IdpUser = { email: string; name: string; groups: string[]; department?: string };

/** What the token endpoint's answer becomes on its way to the portal (a man in the middle, for tests). */
export type Tamper =
  | 'none'
  | 'bad-signature'
  | 'wrong-audience'
  | 'expired'
  | 'replay'
  | { expiredBySeconds: number };

type SigningKey = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs a JWT with RS256 the way the provider does; a test re-signs altered claims with it. */
function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: SigningKey): string {
  const data = `${b64(header)}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(data), createPrivateKey({ key, format: 'jwk' }));
  return `${data}.${signature.toString('base64url')}`;
}

function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, payload };
}

/**
 * A real OpenID Connect provider (oidc-provider, the certified Node implementation) on loopback, with
 * users the test controls: their groups can change between sign-ins, its signing key can rotate while
 * it runs, and its token answers can be altered on the way out to test what the portal refuses. Its
 * login page is a plain form (no consent screen: the portal is a first-party client).
 */
export async function startOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}) {
  const users = new Map<string, IdpUser>();
  let keys: SigningKey[] = [newSigningKey()];
  let tamper: Tamper = 'none';
  let jwksPath = '/jwks';
  const issuedIdTokens: string[] = [];
  /** Every request that reached the provider through the proxy, as "METHOD /path". */
  const seen: string[] = [];

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The portal talks to the provider through this proxy, which can alter the token endpoint's answer.
  const proxy = createServer((req, res) => forward(req, res));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const upstreamPort = (server.address() as AddressInfo).port;

  function forward(req: IncomingMessage, res: ServerResponse) {
    seen.push(`${req.method} ${new URL(req.url ?? '/', issuer).pathname}`);
    const upstream = request(
      { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (!(req.method === 'POST' && req.url === '/token')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = alteredTokenAnswer(Buffer.concat(chunks).toString());
          res.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            'content-length': Buffer.byteLength(body),
          });
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  function alteredTokenAnswer(body: string): string {
    const parsed = JSON.parse(body) as { id_token?: string };
    if (!parsed.id_token) return body;
    return JSON.stringify({ ...parsed, id_token: altered(parsed.id_token) });
  }

  const build = () =>
    new Provider(issuer, {
      clients: [
        {
          client_id: options.clientId,
          client_secret: options.clientSecret,
          redirect_uris: options.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys },
      routes: { jwks: jwksPath },
      cookies: { keys: ['oidc-test-provider-cookie-key'] },
      scopes: ['openid', 'email', 'profile', 'groups'],
      claims: { email: ['email', 'email_verified'], profile: ['name'], groups: ['groups', 'department'] },
      // Claims of the granted scopes go into the ID token too, where the portal reads groups.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false } },
      interactions: {
        url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
      },
      async findAccount(_ctx: unknown, sub: string) {
        const person = users.get(sub);
        if (!person) return undefined;
        return {
          accountId: sub,
          claims: async () => ({
            sub,
            email: person.email,
            email_verified: true,
            name: person.name,
            groups: person.groups,
            ...(person.department ? { department: person.department } : {}),
          }),
        };
      },
      async loadExistingGrant(ctx: KoaContextWithOIDC) {
        const { oidc } = ctx;
        const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
        const found = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
        if (found) return found;
        const grant = new oidc.provider.Grant({
          clientId: oidc.client.clientId,
          accountId: oidc.session.accountId,
        });
        grant.addOIDCScope('openid email profile groups');
        await grant.save();
        return grant;
      },
    });
  let provider = build();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const url = new URL(req.url ?? '/', issuer);
      const login = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
      if (login && req.method === 'GET') return loginPage(req, res);
      if (login?.[2] && req.method === 'POST') return finishLogin(req, res);
      provider.callback()(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  }

  async function loginPage(req: IncomingMessage, res: ServerResponse) {
    const { uid } = await provider.interactionDetails(req, res);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>Test identity provider</title><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login"><label>Username <input name="login" autofocus></label>
<button type="submit">Sign in</button></form>`);
  }

  async function finishLogin(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const accountId = new URLSearchParams(Buffer.concat(chunks).toString()).get('login') ?? '';
    if (!users.has(accountId)) {
      res.statusCode = 400;
      res.end('Unknown user');
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  }

  function altered(token: string): string {
    const mode = tamper;
    issuedIdTokens.push(token);
    const { header, payload } = decode(token);
    const now = Math.floor(Date.now() / 1000);
    if (mode === 'none') return token;
    if (mode === 'bad-signature')
      return signJwt(header, payload, { ...newSigningKey(), kid: String(header.kid) });
    if (mode === 'wrong-audience') return signJwt(header, { ...payload, aud: 'another-client' }, keys[0]!);
    if (mode === 'expired')
      return signJwt(header, { ...payload, iat: now - 7200, exp: now - 3600 }, keys[0]!);
    if (mode === 'replay') return issuedIdTokens.at(-2) ?? token;
    return signJwt(header, { ...payload, exp: now - mode.expiredBySeconds }, keys[0]!);
  }

  return {
    issuer,
    setUser: (sub: string, person: IdpUser) => users.set(sub, person),
    setGroups: (sub: string, groups: string[]) => {
      const person = users.get(sub);
      if (person) users.set(sub, { ...person, groups });
    },
    setTamper: (mode: Tamper) => {
      tamper = mode;
    },
    /** A new signing key, used from now on; the old one stays published (as providers do while rotating). */
    rotateKeys: () => {
      keys = [newSigningKey(), ...keys];
      provider = build();
    },
    /** Drops every key but the newest from the published set, as a provider does once rotation ends. */
    retireOldKeys: () => {
      keys = keys.slice(0, 1);
      provider = build();
    },
    currentKid: () => keys[0]!.kid,
    /** Publishes the key set at another path from now on (the discovery document says where). */
    moveJwks: (path: string) => {
      jwksPath = path;
      provider = build();
    },
    /** How many times the portal (or the test's browser) asked for this path, by method. */
    requestsFor: (method: string, path: string) => seen.filter((r) => r === `${method} ${path}`).length,
    jwksUrl: () => `${issuer}${jwksPath}`,
    close: () =>
      Promise.all(
        [proxy, server].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ),
  };
}

export type OidcTestProvider = Awaited<ReturnType<typeof startOidcProvider>>;
