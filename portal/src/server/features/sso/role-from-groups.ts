import type { SsoRoleRule } from '@sightline/shared/auth/sso-api';
import { emailSchema } from '@sightline/shared/auth/staff-api';

/** The groups an ID token claim names: an array of strings, or one string (some providers send one). */
export function groupsIn(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}

/**
 * The role the first matching rule gives (rules in the admin's order), or null when the person is
 * in none of the mapped groups and so may not sign in. Group names compare exactly: providers send
 * ids (Entra ID object ids) or names as configured, and a near match must not grant a role.
 */
export function roleFromGroups(rules: readonly SsoRoleRule[], groups: readonly string[]): SsoRoleRule | null {
  const member = new Set(groups);
  return rules.find((rule) => member.has(rule.group)) ?? null;
}

/** A department from the ID token's claim: a non-empty string, trimmed and capped like the CSV import's. */
export function departmentIn(claim: unknown): string | null {
  if (typeof claim !== 'string') return null;
  const department = claim.trim();
  return department.length > 0 && department.length <= 120 ? department : null;
}

/**
 * A manager from the ID token's claim: an email address (lower case), as the CSV import takes it,
 * so both key the manager the same way. Anything else (a provider's user id, a name) is ignored.
 */
export function managerIn(claim: unknown): string | null {
  if (typeof claim !== 'string') return null;
  const parsed = emailSchema.safeParse(claim.trim());
  return parsed.success ? parsed.data : null;
}
