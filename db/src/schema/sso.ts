import type { SsoRoleRule } from '@sightline/shared/auth/sso-api';
import { boolean, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';

/**
 * OpenID Connect providers for single sign-on. The first columns are the shape better-auth's SSO
 * plugin reads (model `ssoProvider`); `oidc_config` is its JSON, holding the endpoints found by
 * discovery when the admin saved the provider and the client secret sealed with AES-256-GCM (the
 * portal's adapter wrapper opens it only for the plugin). The columns after `domain` are the portal's:
 * who gets which role, where the department and manager are, and whether passwords are off for the domains.
 */
export const ssoProvider = pgTable('sso_provider', {
  id: text('id').primaryKey(),
  issuer: text('issuer').notNull(),
  oidcConfig: text('oidc_config'),
  samlConfig: text('saml_config'),
  userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
  providerId: text('provider_id').notNull().unique(),
  organizationId: text('organization_id'),
  /** The email domains the provider serves, comma-separated (the plugin's format). */
  domain: text('domain').notNull(),
  label: text('label').notNull(),
  groupsClaim: text('groups_claim').notNull(),
  departmentClaim: text('department_claim'),
  /** The claim with the manager's email address, kept with the department (keyed like the person). */
  managerClaim: text('manager_claim'),
  roleRules: jsonb('role_rules').$type<SsoRoleRule[]>().notNull(),
  passwordsOff: boolean('passwords_off').default(false).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});
