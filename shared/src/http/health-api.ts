import { z } from 'zod';
import { timestampSchema } from './json-values';

/** `/api/health`: whether this instance can serve, for load balancers and operators. */
export const healthSchema = z.strictObject({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.enum(['up', 'down']),
  /** Applied is null while the database cannot be asked. */
  migrations: z.strictObject({ applied: z.number().int().nullable(), shipped: z.number().int() }),
  version: z.string(),
  /** This instance's last run of each background worker, by worker name. */
  workers: z.record(
    z.string(),
    z.strictObject({ startedAt: timestampSchema, finishedAt: timestampSchema, ok: z.boolean() }),
  ),
});
export type Health = z.infer<typeof healthSchema>;
