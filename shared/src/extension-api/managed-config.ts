import { z } from 'zod';
import { failModeSchema } from '../policy/policy-states';

/**
 * What IT sets through enterprise policy (`storage.managed`, described by the extension's
 * managed_schema.json) or a user types on the options page. Policy always wins.
 */
export const extensionConfigSchema = z.object({
  portalUrl: z
    .url()
    .regex(/^https?:\/\//, 'Use an http(s) URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  enrollmentToken: z.string().trim().min(1).max(200).optional(),
  userHint: z.string().trim().min(1).max(254).optional(),
  /** With no policy ever fetched: open = monitor only; closed = treat catalog services per failClosedAction. */
  failMode: failModeSchema.optional(),
  failClosedAction: z.enum(['warn', 'block']).optional(),
  /** Minutes between policy refreshes (default 15). */
  policyRefreshMinutes: z.number().int().min(1).max(1440).optional(),
  /** Privacy options: turn off the account hint or the paste/upload counts entirely. */
  recordAccountHint: z.boolean().optional(),
  recordPasteAndUpload: z.boolean().optional(),
});
export type ExtensionConfig = z.infer<typeof extensionConfigSchema>;
