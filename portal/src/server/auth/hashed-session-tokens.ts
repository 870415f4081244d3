import type { BetterAuthOptions, DBAdapter, Where } from 'better-auth';
import { sha256Hex } from '../secret-token';

/**
 * better-auth keeps `session.token` in plain text, and that value alone, sent as the session cookie,
 * signs in as its user. Like every other bearer secret of the portal, it is stored here as a digest
 * instead: the adapter wrapper below hashes the token on its way into the database and in every lookup
 * by token, and hands callers back the raw token they already hold, so cookies work as before while a
 * copy of the database (a backup, a leaked dump) signs nobody in.
 *
 * Every value is hashed, whatever it looks like: a cookie carrying a value copied from the table must not
 * match it. So the token fields better-auth reads back from the table (its list of a user's sessions)
 * are digests, and revoking one session by such a value finds nothing; the portal does not use that
 * endpoint (disabling a user or resetting a password ends sessions by user). The `sha256:` prefix makes
 * stored values recognisable; migration 0002 hashes tokens stored before this existed, in SQL.
 */
export const SESSION_TOKEN_PREFIX = 'sha256:';
const SESSION_MODEL = 'session';
const TOKEN_FIELD = 'token';

export function hashSessionToken(token: string): string {
  return `${SESSION_TOKEN_PREFIX}${sha256Hex(token)}`;
}

type Adapter = DBAdapter<BetterAuthOptions>;
type AdapterFactory = (options: BetterAuthOptions) => Adapter;
type Row = Record<string, unknown>;

function hashValue(value: unknown): unknown {
  if (typeof value === 'string') return hashSessionToken(value);
  if (Array.isArray(value)) return value.map(hashValue);
  return value;
}

/** The raw token a lookup asked for by equality, to give back in place of its digest. */
function rawTokenIn(where: readonly Where[] | undefined): string | undefined {
  const clause = where?.find((w) => w.field === TOKEN_FIELD && (w.operator ?? 'eq') === 'eq');
  return typeof clause?.value === 'string' ? clause.value : undefined;
}

function hashWhere(where: Where[]): Where[];
function hashWhere(where: Where[] | undefined): Where[] | undefined;
function hashWhere(where: Where[] | undefined): Where[] | undefined {
  return where?.map((w) =>
    w.field === TOKEN_FIELD && (w.operator === undefined || w.operator === 'eq' || w.operator === 'in')
      ? { ...w, value: hashValue(w.value) as Where['value'] }
      : w,
  );
}

function hashFields<T extends Row>(data: T): T {
  return TOKEN_FIELD in data ? { ...data, [TOKEN_FIELD]: hashValue(data[TOKEN_FIELD]) } : data;
}

function withToken<T>(row: T, token: string | undefined): T {
  if (token === undefined || row === null || typeof row !== 'object' || !(TOKEN_FIELD in row)) return row;
  return { ...row, [TOKEN_FIELD]: token };
}

function wrap(adapter: Adapter): Adapter {
  const isSession = (model: string) => model === SESSION_MODEL;
  /** A session query's token conditions hashed; other models' queries unchanged. */
  const hashed = <D extends { model: string; where?: Where[] | undefined }>(data: D): D =>
    isSession(data.model) ? { ...data, where: hashWhere(data.where) } : data;
  return {
    ...adapter,
    create: (async (data: Parameters<Adapter['create']>[0]) => {
      if (!isSession(data.model)) return adapter.create(data);
      const raw = (data.data as Row)[TOKEN_FIELD];
      const row = await adapter.create({ ...data, data: hashFields(data.data as Row) });
      return withToken(row, typeof raw === 'string' ? raw : undefined);
    }) as Adapter['create'],
    findOne: async (data) => {
      if (!isSession(data.model)) return adapter.findOne(data);
      return withToken(await adapter.findOne(hashed(data)), rawTokenIn(data.where));
    },
    findMany: (data) => adapter.findMany(hashed(data)),
    count: (data) => adapter.count(hashed(data)),
    update: (async (data: Parameters<Adapter['update']>[0]) => {
      if (!isSession(data.model)) return adapter.update(data);
      const newRaw = data.update[TOKEN_FIELD];
      const row = await adapter.update({
        ...data,
        where: hashWhere(data.where),
        update: hashFields(data.update),
      });
      return withToken(row, typeof newRaw === 'string' ? newRaw : rawTokenIn(data.where));
    }) as Adapter['update'],
    updateMany: (data) =>
      isSession(data.model)
        ? adapter.updateMany({ ...data, where: hashWhere(data.where), update: hashFields(data.update) })
        : adapter.updateMany(data),
    delete: (data) => adapter.delete(hashed(data)),
    deleteMany: (data) => adapter.deleteMany(hashed(data)),
    consumeOne: async (data) => {
      if (!isSession(data.model)) return adapter.consumeOne(data);
      return withToken(await adapter.consumeOne(hashed(data)), rawTokenIn(data.where));
    },
    incrementOne: (async (data: Parameters<Adapter['incrementOne']>[0]) => {
      if (!isSession(data.model)) return adapter.incrementOne(data);
      const set = data.set ? hashFields(data.set as Row) : undefined;
      const row = await adapter.incrementOne({ ...data, where: hashWhere(data.where), set });
      return withToken(row, rawTokenIn(data.where));
    }) as Adapter['incrementOne'],
    // Work inside a transaction goes through the same wrapper.
    transaction: (callback) => adapter.transaction((trx) => callback(wrap(trx as Adapter))),
  };
}

/** Wraps a better-auth database adapter (e.g. `drizzleAdapter(...)`) so session tokens are stored hashed. */
export function withHashedSessionTokens(factory: AdapterFactory): AdapterFactory {
  return (options) => wrap(factory(options));
}
