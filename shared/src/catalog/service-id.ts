import { z } from 'zod';

/**
 * The id of an AI service, as the catalog, the org's custom entries, policies, access requests,
 * vendors, assessments and the inventory all name it ("openai-chatgpt").
 *
 * One rule for all of them, the widest any of them used to accept, so no id already stored (a vendor
 * linked to a service the catalog does not carry yet, say "acme.ai") stops being addressable and such
 * a service can later get a catalog entry of its own: lower-case letters and digits, with `.`, `_` and
 * `-` after the first character, at most 120 characters.
 */
export const serviceIdSchema = z
  .string()
  .min(1, 'a service id must not be empty')
  .max(120)
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'a service id uses lower-case letters, digits, dots, hyphens and underscores, and starts with a letter or digit',
  );
export type ServiceId = z.infer<typeof serviceIdSchema>;

/**
 * A service id staff type into a form (a vendor's services, an assessment, an inventory entry):
 * trimmed and lower-cased, then held to the same rule, so " OpenAI-ChatGPT" names the catalog service.
 */
export const enteredServiceIdSchema = z.string().trim().toLowerCase().pipe(serviceIdSchema);
