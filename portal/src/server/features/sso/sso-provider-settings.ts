import type { DbOrTx } from '@sightline/db/client';
import { ssoProvider } from '@sightline/db/schema/sso';
import type { SsoRoleRule } from '@sightline/shared/auth/sso-api';
import { eq } from 'drizzle-orm';

/** The portal's own settings of one provider (the plugin reads the rest). */
export type SsoProviderSettings = {
  providerId: string;
  label: string;
  issuer: string;
  domains: string[];
  groupsClaim: string;
  departmentClaim: string | null;
  managerClaim: string | null;
  roleRules: SsoRoleRule[];
  passwordsOff: boolean;
};

const columns = {
  providerId: ssoProvider.providerId,
  label: ssoProvider.label,
  issuer: ssoProvider.issuer,
  domain: ssoProvider.domain,
  groupsClaim: ssoProvider.groupsClaim,
  departmentClaim: ssoProvider.departmentClaim,
  managerClaim: ssoProvider.managerClaim,
  roleRules: ssoProvider.roleRules,
  passwordsOff: ssoProvider.passwordsOff,
};

function toSettings({ domain, ...row }: Awaited<ReturnType<typeof selectAll>>[number]): SsoProviderSettings {
  return { ...row, domains: splitDomains(domain) };
}

function selectAll(db: DbOrTx) {
  return db.select(columns).from(ssoProvider).orderBy(ssoProvider.providerId);
}

export function splitDomains(list: string): string[] {
  return list
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}

export async function loadProviderSettings(
  db: DbOrTx,
  providerId: string,
): Promise<SsoProviderSettings | null> {
  const [row] = await db.select(columns).from(ssoProvider).where(eq(ssoProvider.providerId, providerId));
  return row ? toSettings(row) : null;
}

export async function loadAllProviderSettings(db: DbOrTx): Promise<SsoProviderSettings[]> {
  return (await selectAll(db)).map(toSettings);
}

/** Whether an email's domain is served by the provider: the domain itself or a subdomain of it (as the plugin matches). */
export function servesEmail(domains: readonly string[], email: string): boolean {
  const domain = email.split('@')[1]?.trim().toLowerCase();
  if (!domain) return false;
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** The provider that serves an email's domain, if any (the first by id when two overlap). */
export async function providerForEmail(db: DbOrTx, email: string): Promise<SsoProviderSettings | null> {
  return (await loadAllProviderSettings(db)).find((p) => servesEmail(p.domains, email)) ?? null;
}
