import { z } from 'zod';
import { hostNameSchema } from '../extension-api/candidates';
import { plainText, webUrl } from '../extension-api/text';
import { staffRoleSchema } from './roles';
import { emailSchema } from './staff-api';

/**
 * Single sign-on through OpenID Connect providers an admin configures in Settings. The provider id
 * is part of the redirect URL registered at the provider, so it is chosen once and never changes.
 */
export const ssoProviderIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'Use 2 to 40 letters, digits or dashes, such as "okta"');

const ssoDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(hostNameSchema.refine((d) => d.includes('.'), 'Give a domain such as example.com'));

/** A claim name in the ID token (`groups`, `roles`, `department`, or a URL-shaped custom claim). */
const claimNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\w.:/-]+$/, 'Use the claim name as the provider writes it, such as "groups"');

/**
 * One rule of the group mapping: people in `group` get `role`. The first rule (in the order the admin
 * set) whose group the person is in decides their role; people in none of them cannot sign in.
 */
export const ssoRoleRuleSchema = z.strictObject({
  group: plainText(1, 200),
  role: staffRoleSchema,
});
export type SsoRoleRule = z.infer<typeof ssoRoleRuleSchema>;

const ssoProviderFields = {
  label: plainText(1, 80),
  issuer: webUrl(500),
  clientId: plainText(1, 500),
  domains: z.array(ssoDomainSchema).min(1, 'Give at least one email domain').max(20),
  groupsClaim: claimNameSchema,
  /** The claim that carries the person's department; absent: departments come from the CSV only. */
  departmentClaim: claimNameSchema.nullable(),
  /**
   * The claim with the person's manager's email address, kept with their department (so it needs the
   * department claim too); absent or null: managers come from the CSV only.
   */
  managerClaim: claimNameSchema.nullable().default(null),
  roleRules: z.array(ssoRoleRuleSchema).min(1, 'Map at least one group to a role').max(50),
  /** Password sign-in refused for these domains (admins keep theirs, as a way in if the provider is down). */
  passwordsOff: z.boolean(),
  /** Asked for at the provider; `openid` is required, and some providers send groups only for a `groups` scope. */
  scopes: z
    .array(z.string().regex(/^[\w.:/-]{1,100}$/, 'Not a scope name'))
    .min(1)
    .max(20)
    .refine((s) => s.includes('openid'), 'Include the openid scope'),
};

export const createSsoProviderSchema = z.strictObject({
  providerId: ssoProviderIdSchema,
  ...ssoProviderFields,
  clientSecret: z.string().min(1, 'Give the client secret').max(1000),
});
export type CreateSsoProviderInput = z.infer<typeof createSsoProviderSchema>;

/** A change to a provider; a blank or absent client secret keeps the stored one. */
export const updateSsoProviderSchema = z.strictObject({
  ...ssoProviderFields,
  clientSecret: z.string().max(1000).optional(),
});
export type UpdateSsoProviderInput = z.infer<typeof updateSsoProviderSchema>;

/** A provider as the API shows it: the client secret is never returned, only whether one is stored. */
export const ssoProviderViewSchema = z.strictObject({
  providerId: z.string(),
  label: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  domains: z.array(z.string()),
  groupsClaim: z.string(),
  departmentClaim: z.string().nullable(),
  managerClaim: z.string().nullable(),
  roleRules: z.array(ssoRoleRuleSchema),
  passwordsOff: z.boolean(),
  scopes: z.array(z.string()),
  clientSecretSet: z.boolean(),
  redirectUrl: z.string(),
  updatedAt: z.string(),
});
export type SsoProviderView = z.infer<typeof ssoProviderViewSchema>;

/** The providers, as every provider route answers after its change. */
export const ssoProviderListSchema = z.strictObject({ providers: z.array(ssoProviderViewSchema) });

/** The sign-in page's first step (which way this email signs in), and starting a single sign-on. */
export const signInEmailSchema = z.strictObject({ email: emailSchema });

export const signInMethodSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('password') }),
  z.strictObject({
    method: z.literal('sso'),
    providerId: z.string(),
    label: z.string(),
    /** False when an admin switched passwords off for this domain (admins may still use theirs). */
    passwordsAllowed: z.boolean(),
  }),
]);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

/** Where the browser goes to sign in at the provider (the authorization request, with state and nonce). */
export const startSsoResponseSchema = z.strictObject({ url: z.string() });

/** Why a single sign-on was refused; the sign-in page reads it from `?sso_error=` and says it in words. */
export const ssoErrorCodes = [
  'no_role',
  'disabled',
  'wrong_domain',
  'token_rejected',
  'nonce_mismatch',
  'provider_error',
  'expired_attempt',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

export const ssoErrorMessages: Record<SsoErrorCode, string> = {
  no_role:
    'Your identity provider signed you in, but you are in none of the groups that give access to Sightline. Ask your administrator to add you to one.',
  disabled: 'Your Sightline account is disabled. Ask your administrator.',
  wrong_domain:
    'The identity provider answered with an email address outside the domains it serves for Sightline.',
  token_rejected:
    "The identity provider's answer could not be verified (signature, audience, issuer or expiry), so the sign-in was refused. Try again; if it keeps happening, tell your administrator.",
  nonce_mismatch:
    'This answer from the identity provider does not belong to this sign-in (it may be a replay), so it was refused. Start the sign-in again.',
  provider_error:
    'The sign-in through your identity provider did not complete. Try again, or ask your administrator.',
  expired_attempt: 'This sign-in attempt expired or was already used. Start the sign-in again.',
};
