import { z } from 'zod';

/** The body of an action that has nothing to report but that it happened (a removal, a retry). */
export const okSchema = z.strictObject({ ok: z.literal(true) });
/** The new or changed record's id, answered by creates and updates that report nothing more. */
export const idSchema = z.strictObject({ id: z.string() });
