import type { BetterAuthOptions, DBAdapter } from 'better-auth';
import { isSealed, type SecretBox } from './sealed-secret';

type Adapter = DBAdapter<BetterAuthOptions>;
type AdapterFactory = (options: BetterAuthOptions) => Adapter;
type Row = Record<string, unknown>;

const MODEL = 'ssoProvider';

/** `oidcConfig` with its client secret passed through `change` (sealing or opening it). */
function mapSecret(row: Row, change: (secret: string, providerId: string) => string): Row {
  const config = row.oidcConfig;
  const providerId = row.providerId;
  if (typeof config !== 'string' || typeof providerId !== 'string') return row;
  const parsed = JSON.parse(config) as Row;
  if (typeof parsed.clientSecret !== 'string') return row;
  return {
    ...row,
    oidcConfig: JSON.stringify({ ...parsed, clientSecret: change(parsed.clientSecret, providerId) }),
  };
}

/**
 * The SSO plugin reads each provider's client secret from `sso_provider.oidc_config`. There it is
 * stored sealed (AES-256-GCM, see sealed-secret.ts); this adapter wrapper opens it for the plugin on
 * every read and seals any plain secret on the way in, so the database never holds it in clear and
 * nothing but the token request sees it. Other models pass through unchanged.
 */
function wrap(adapter: Adapter, box: SecretBox): Adapter {
  const open = (row: unknown): unknown =>
    row && typeof row === 'object'
      ? mapSecret(row as Row, (s, id) => (isSealed(s) ? box.open(s, id) : s))
      : row;
  const seal = (row: Row): Row => mapSecret(row, (s, id) => (isSealed(s) ? s : box.seal(s, id)));
  return {
    ...adapter,
    create: (async (data: Parameters<Adapter['create']>[0]) =>
      data.model === MODEL
        ? open(await adapter.create({ ...data, data: seal(data.data as Row) }))
        : adapter.create(data)) as Adapter['create'],
    findOne: (async (data: Parameters<Adapter['findOne']>[0]) =>
      data.model === MODEL ? open(await adapter.findOne(data)) : adapter.findOne(data)) as Adapter['findOne'],
    findMany: (async (data: Parameters<Adapter['findMany']>[0]) =>
      data.model === MODEL
        ? (await adapter.findMany(data)).map(open)
        : adapter.findMany(data)) as Adapter['findMany'],
    update: (async (data: Parameters<Adapter['update']>[0]) =>
      data.model === MODEL
        ? open(await adapter.update({ ...data, update: seal(data.update as Row) }))
        : adapter.update(data)) as Adapter['update'],
    transaction: (callback) => adapter.transaction((trx) => callback(wrap(trx as Adapter, box))),
  };
}

/** Wraps a better-auth adapter factory so SSO client secrets are sealed at rest. */
export function withSealedSsoSecrets(factory: AdapterFactory, box: SecretBox): AdapterFactory {
  return (options) => wrap(factory(options), box);
}
