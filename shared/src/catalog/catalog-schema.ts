import { getDomain } from 'tldts';
import { z } from 'zod';
import { serviceCategorySchema } from './categories';
import { ruleKey } from './rule-key';
import { serviceIdSchema } from './service-id';
import { sharedPlatformDomains } from './shared-platform-domains';

// Hosts are stored exactly as the WHATWG URL parser serialises them (lower case, punycode, no
// trailing dot), so a lookup is a plain string compare with no normalising at match time.
const labelPattern = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isStoredHost(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => labelPattern.test(label))) return false;
  const last = labels[labels.length - 1] ?? '';
  // A numeric last label makes the URL parser read the host as IPv4; localhost is never a service.
  return !/^[0-9]+$/.test(last) && last !== 'localhost';
}

export const hostSchema = z
  .string()
  .refine(isStoredHost, 'a lower-case host name in punycode, at least two labels, no IP, no trailing dot');

/** True when claiming the value and all its subdomains cannot swallow unrelated tenants. */
function isClaimableDomain(value: string): boolean {
  // getDomain is null when the value is itself a public suffix (`co.uk`, `com`).
  return getDomain(value, { allowPrivateDomains: false }) !== null && !sharedPlatformDomains.has(value);
}

const claimableDomainSchema = hostSchema.refine(
  isClaimableDomain,
  'a public suffix or a shared platform domain (google.com, amazonaws.com, azure.com...): use an exact host, an AI-specific subdomain or a path rule',
);

// The prefix is compared with URL.pathname, which is already percent-encoded and never holds ? or #.
const pathPrefixSchema = z
  .string()
  .max(200)
  .regex(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/, 'a path starting with / (no query, fragment or spaces)');

export const matchRuleSchema = z.discriminatedUnion('kind', [
  /** The domain and every subdomain. */
  z.object({ kind: z.literal('domain'), value: claimableDomainSchema }),
  /** That exact host only. */
  z.object({ kind: z.literal('host'), value: hostSchema }),
  /** AI feature inside a larger site: exact host plus a path prefix matched at a segment boundary. */
  z.object({ kind: z.literal('path'), host: hostSchema, pathPrefix: pathPrefixSchema }),
  /** An API host (exact); sub-resource requests are matched against API rules. */
  z.object({ kind: z.literal('api'), value: hostSchema }),
  /** Every subdomain of the value is an API host (`<resource>.openai.azure.com`). */
  z.object({ kind: z.literal('api-suffix'), value: claimableDomainSchema }),
]);
export type MatchRule = z.infer<typeof matchRuleSchema>;
export type MatchRuleKind = MatchRule['kind'];

export const catalogEntrySchema = z
  .object({
    id: serviceIdSchema,
    name: z.string().trim().min(1).max(100),
    vendor: z.string().trim().min(1).max(100),
    website: z.httpUrl(),
    category: serviceCategorySchema,
    /** ISO 3166-1 alpha-2 code of the vendor's home country; a fact for data-residency questions. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    rules: z.array(matchRuleSchema).min(1).max(2000),
    /** CSS selectors of the prompt field, for paste and upload detection on the service's pages. */
    promptSelectors: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
    /** Chrome Web Store ids of the vendor's own browser extensions. */
    extensionIds: z
      .array(z.string().regex(/^[a-p]{32}$/, '32 letters a-p'))
      .max(20)
      .optional(),
  })
  .superRefine((entry, ctx) => {
    const seen = new Set<string>();
    entry.rules.forEach((rule, index) => {
      const key = ruleKey(rule);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['rules', index], message: `duplicate rule ${key}` });
      seen.add(key);
    });
  });
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** A whole list (built-in catalog or an org's custom entries): ids must be unique. */
export const catalogEntriesSchema = z.array(catalogEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id ${entry.id}` });
    seen.add(entry.id);
  });
});
