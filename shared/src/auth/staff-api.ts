import { z } from 'zod';
import { timestampSchema } from '../http/json-values';
import { staffRoleSchema } from './roles';

export const emailSchema = z
  .email('Give an email address such as name@example.com')
  .max(254)
  .transform((s) => s.toLowerCase());

export const inviteStaffSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, 'Give a name').max(120),
  role: staffRoleSchema,
});
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const updateStaffSchema = z
  .strictObject({ role: staffRoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'Give a role or a disabled flag');

/** Passwords: long enough to resist guessing; the auth library caps the maximum. */
export const passwordSchema = z.string().min(12, 'Use at least 12 characters').max(128);

/** Signing in with email and password (better-auth's endpoint; the portal's guard reads the email). */
export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'Give your password').max(128),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Changing one's own password. Other sessions always end, whatever `revokeOtherSessions` says. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Give your current password').max(128),
  newPassword: passwordSchema,
  /** Accepted for better-auth's own clients, which send it; ignored. */
  revokeOtherSessions: z.boolean().optional(),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const acceptInvitationSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

// Answers of the staff routes.

export const staffUserSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  disabled: z.boolean(),
  createdAt: timestampSchema,
});
export type StaffUserView = z.infer<typeof staffUserSchema>;

export const staffInvitationSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  createdAt: timestampSchema,
  expiresAt: timestampSchema,
});

export const staffListSchema = z.strictObject({
  users: z.array(staffUserSchema),
  invitations: z.array(staffInvitationSchema),
});
export type StaffList = z.infer<typeof staffListSchema>;

/** The invitation's link comes back once, and only when no SMTP server could carry it. */
export const invitationSentSchema = z.strictObject({
  invitationId: z.uuid(),
  mailed: z.boolean(),
  link: z.string().optional(),
});

export const staffChangedSchema = z.strictObject({
  id: z.string(),
  role: staffRoleSchema,
  disabled: z.boolean(),
});

export const invitationAcceptedSchema = z.strictObject({ email: z.string() });

/** `/api/me`: who is signed in, and whether a one-time password must be replaced first. */
export const meSchema = z.strictObject({
  user: z.strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: staffRoleSchema,
    passwordChangeRequired: z.boolean(),
  }),
});
export type Me = z.infer<typeof meSchema>;

/** The user as better-auth's sign-in answers it (its own fields and ours). */
export const authUserSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  role: staffRoleSchema,
  disabled: z.boolean(),
  passwordChangeRequired: z.boolean(),
});

/** Signed in: the session cookie is set; the body never carries the session token. */
export const signedInSchema = z.strictObject({
  redirect: z.boolean(),
  url: z.string().optional(),
  user: authUserSchema,
});

export const signedOutSchema = z.strictObject({ success: z.boolean() });
