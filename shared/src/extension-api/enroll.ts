import { z } from 'zod';
import { plainText } from './text';

/** Enrollment tokens are 32 random bytes, base64url: 43 characters. Accept some slack for other generators. */
export const enrollmentTokenValueSchema = z
  .string()
  .trim()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'An enrollment token has only letters, digits, - and _');

/** What the extension sends to exchange the org's enrollment token for a per-device credential. */
export const enrollRequestSchema = z.strictObject({
  token: enrollmentTokenValueSchema,
  /** Who uses this browser, as IT put it in the managed policy (an email or a login name). Optional. */
  userHint: plainText(1, 254).optional(),
  browser: plainText(0, 64).optional(),
  platform: plainText(0, 64).optional(),
  extensionVersion: plainText(0, 32).optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.uuid(),
  /** The device's bearer credential, shown once; the portal keeps only its SHA-256. */
  credential: z.string().min(40),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;
