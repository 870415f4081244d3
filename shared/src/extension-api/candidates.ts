import { z } from 'zod';

/** Why the extension thought a host was an AI service. Only fixed signal names; never page content. */
export const candidateSignals = ['ai-tld', 'ai-label', 'ai-api-path', 'prompt-field'] as const;
export const candidateSignalSchema = z.enum(candidateSignals);
export type CandidateSignal = z.infer<typeof candidateSignalSchema>;

/** A host name: lower-case, punycode, no port, no trailing dot. */
export const hostNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'Not a host name',
  );

export const candidateReportSchema = z.strictObject({
  candidates: z
    .array(
      z.strictObject({
        host: hostNameSchema,
        signals: z.array(candidateSignalSchema).min(1).max(candidateSignals.length),
      }),
    )
    .min(1)
    .max(50),
});
export type CandidateReport = z.infer<typeof candidateReportSchema>;

export const candidateReportResultSchema = z.object({
  accepted: z.number().int(),
  ignored: z.number().int(),
});
