import { z } from 'zod';
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

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type StaffUserView = z.infer<typeof staffUserSchema>;
