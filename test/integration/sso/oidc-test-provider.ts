import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { alterIdToken, newSigningKey, type SigningKey, type Tamper } from './id-token-tamper';

export type IdpUser = {
  email: string;
  name: string;
  groups: string[];
  department?: string;
  /** Sent as the `manager_email` claim. */
  manager?: string;
};

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
    issuedIdTokens.push(parsed.id_token);
    const altered = alterIdToken(parsed.id_token, tamper, keys[0]!, issuedIdTokens.at(-2));
    return JSON.stringify({ ...parsed, id_token: altered });
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
      claims: {
        email: ['email', 'email_verified'],
        profile: ['name'],
        groups: ['groups', 'department', 'manager_email'],
      },
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
            ...(person.manager ? { manager_email: person.manager } : {}),
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

  return {
    issuer,
    setUser: (sub: string, person: IdpUser) => users.set(sub, person),
    setGroups: (sub: string, groups: string[]) => {
      const person = users.get(sub);
      if (person) users.set(sub, { ...person, groups });
    },
    /** Changes what the provider says of a person (their department, manager…) from the next sign-in. */
    updateUser: (sub: string, change: Partial<IdpUser>) => {
      const person = users.get(sub);
      if (person) users.set(sub, { ...person, ...change });
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
