import { randomUUID } from 'node:crypto';
import { DiscoveryError } from '@better-auth/sso';
import { ssoProvider } from '@sightline/db/schema/sso';
import type {
  CreateSsoProviderInput,
  SsoProviderView,
  UpdateSsoProviderInput,
} from '@sightline/shared/auth/sso-api';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { ssoSecretBox } from '../../auth/sealed-secret';
import type { ServiceDeps, StaffUser } from '../../context';
import { AppError } from '../../errors';
import { discoverEndpoints } from './sso-discovery';
import { loadAllProviderSettings, servesEmail, splitDomains } from './sso-provider-settings';

type Deps = Pick<ServiceDeps, 'db' | 'auth' | 'env' | 'now'>;

export function redirectUrlFor(publicUrl: string, providerId: string): string {
  return `${publicUrl}/api/auth/sso/callback/${providerId}`;
}

export async function listSsoProviders(deps: Pick<Deps, 'db' | 'env'>): Promise<SsoProviderView[]> {
  const rows = await deps.db.select().from(ssoProvider).orderBy(ssoProvider.providerId);
  return rows.map((row) => {
    const config = JSON.parse(row.oidcConfig ?? '{}') as {
      clientId?: string;
      clientSecret?: string;
      scopes?: string[];
    };
    return {
      providerId: row.providerId,
      label: row.label,
      issuer: row.issuer,
      clientId: config.clientId ?? '',
      domains: splitDomains(row.domain),
      groupsClaim: row.groupsClaim,
      departmentClaim: row.departmentClaim,
      managerClaim: row.managerClaim,
      roleRules: row.roleRules,
      passwordsOff: row.passwordsOff,
      scopes: config.scopes ?? [],
      clientSecretSet: Boolean(config.clientSecret),
      redirectUrl: redirectUrlFor(deps.env.PUBLIC_URL, row.providerId),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/**
 * Reads the provider's discovery document and keeps its endpoints with the configuration: sign-ins
 * then need no discovery round trip; saving the provider again, and the hourly refresh
 * (sso-discovery-refresh.ts), read it afresh.
 */
async function discover(issuer: string) {
  try {
    return await discoverEndpoints(issuer);
  } catch (error) {
    if (error instanceof DiscoveryError)
      throw new AppError(
        'bad_request',
        `Could not use the discovery document of ${issuer}: ${error.message}`,
      );
    throw error;
  }
}

async function refuseOverlap(deps: Pick<Deps, 'db'>, providerId: string, domains: readonly string[]) {
  for (const other of await loadAllProviderSettings(deps.db)) {
    if (other.providerId === providerId) continue;
    const clash = domains.find(
      (d) => servesEmail(other.domains, `x@${d}`) || other.domains.some((o) => servesEmail([d], `x@${o}`)),
    );
    if (clash) throw new AppError('conflict', `${clash} is already served by ${other.label}`);
  }
}

type Fields = Omit<CreateSsoProviderInput, 'providerId' | 'clientSecret'>;

async function rowFor(deps: Deps, input: Fields, sealedSecret: string) {
  const found = await discover(input.issuer);
  const oidcConfig = {
    ...found,
    clientId: input.clientId,
    clientSecret: sealedSecret,
    pkce: true,
    scopes: input.scopes,
  };
  return {
    issuer: found.issuer,
    oidcConfig: JSON.stringify(oidcConfig),
    domain: input.domains.join(','),
    label: input.label,
    groupsClaim: input.groupsClaim,
    departmentClaim: input.departmentClaim,
    managerClaim: input.managerClaim,
    roleRules: input.roleRules,
    passwordsOff: input.passwordsOff,
    updatedAt: deps.now,
  };
}

/** What the audit trail keeps of a provider's settings: everything but the secret. */
function auditable(providerId: string, input: Fields) {
  const {
    clientId,
    label,
    issuer,
    domains,
    roleRules,
    passwordsOff,
    groupsClaim,
    departmentClaim,
    managerClaim,
  } = input;
  return {
    providerId,
    label,
    issuer,
    clientId,
    domains,
    roleRules,
    passwordsOff,
    groupsClaim,
    departmentClaim,
    managerClaim,
  };
}

export async function createSsoProvider(deps: Deps, admin: StaffUser, input: CreateSsoProviderInput) {
  const { providerId, clientSecret, ...fields } = input;
  const [taken] = await deps.db
    .select({ id: ssoProvider.id })
    .from(ssoProvider)
    .where(eq(ssoProvider.providerId, providerId));
  if (taken) throw new AppError('conflict', `A provider with the id "${providerId}" exists already`);
  await refuseOverlap(deps, providerId, fields.domains);
  const sealed = ssoSecretBox((await deps.auth.$context).secret).seal(clientSecret, providerId);
  const row = await rowFor(deps, fields, sealed);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(ssoProvider)
      .values({ id: randomUUID(), providerId, userId: admin.id, createdAt: deps.now, ...row });
    await recordAudit(tx, {
      actor: { type: 'staff', user: admin },
      action: 'sso.provider_created',
      targetType: 'sso_provider',
      targetId: providerId,
      details: auditable(providerId, fields),
    });
  });
}

export async function updateSsoProvider(
  deps: Deps,
  admin: StaffUser,
  providerId: string,
  input: UpdateSsoProviderInput,
) {
  const { clientSecret, ...fields } = input;
  const [current] = await deps.db.select().from(ssoProvider).where(eq(ssoProvider.providerId, providerId));
  if (!current) throw new AppError('not_found', 'No such single sign-on provider');
  await refuseOverlap(deps, providerId, fields.domains);
  const box = ssoSecretBox((await deps.auth.$context).secret);
  const kept = (JSON.parse(current.oidcConfig ?? '{}') as { clientSecret?: string }).clientSecret;
  const sealed = clientSecret ? box.seal(clientSecret, providerId) : kept;
  if (!sealed) throw new AppError('bad_request', 'Give the client secret');
  const row = await rowFor(deps, fields, sealed);
  await deps.db.transaction(async (tx) => {
    await tx.update(ssoProvider).set(row).where(eq(ssoProvider.providerId, providerId));
    await recordAudit(tx, {
      actor: { type: 'staff', user: admin },
      action: 'sso.provider_updated',
      targetType: 'sso_provider',
      targetId: providerId,
      details: { ...auditable(providerId, fields), clientSecretChanged: Boolean(clientSecret) },
    });
  });
}

export async function deleteSsoProvider(deps: Deps, admin: StaffUser, providerId: string) {
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(ssoProvider)
      .where(eq(ssoProvider.providerId, providerId))
      .returning({ id: ssoProvider.id });
    if (gone.length === 0) throw new AppError('not_found', 'No such single sign-on provider');
    await recordAudit(tx, {
      actor: { type: 'staff', user: admin },
      action: 'sso.provider_deleted',
      targetType: 'sso_provider',
      targetId: providerId,
    });
  });
}
