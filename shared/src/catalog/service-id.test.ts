import { describe, expect, it } from 'vitest';
import { accessRequestInputSchema } from '../extension-api/access-requests';
import { servicePolicyEntrySchema } from '../extension-api/policy-document';
import { createVendorSchema, vendorListQuerySchema } from '../vendors/vendor-api';
import { builtInCatalog } from './catalog';
import { catalogEntrySchema } from './catalog-schema';
import { enteredServiceIdSchema, serviceIdSchema } from './service-id';

const customEntry = (id: string) => ({
  id,
  name: 'Acme Writer',
  vendor: 'Acme',
  website: 'https://acme.example',
  category: 'writing-assistant',
  rules: [{ kind: 'domain', value: 'acme-writer.example' }],
});
const accessRequest = (serviceId: string) => ({
  clientRequestId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  serviceId,
  justification: 'I draft customer letters every day.',
  intendedUse: 'Drafting letters',
  dataCategories: [],
});

/** Every contract that names a service, each reduced to "which id did it read, if any". */
const contracts: Record<string, (id: string) => string | undefined> = {
  'custom catalog entry': (id) => catalogEntrySchema.safeParse(customEntry(id)).data?.id,
  'access request': (id) => accessRequestInputSchema.safeParse(accessRequest(id)).data?.serviceId,
  'vendor services': (id) =>
    createVendorSchema.safeParse({ name: 'Acme', services: [id] }).data?.services?.[0],
  'vendor list filter': (id) => vendorListQuerySchema.safeParse({ serviceId: id }).data?.serviceId,
  'policy document': (id) =>
    servicePolicyEntrySchema.safeParse({
      serviceId: id,
      state: 'approved',
      conditions: null,
      alternative: null,
    }).data?.serviceId,
};

const catalogId = builtInCatalog[0]?.id ?? '';
const customId = catalogEntrySchema.parse(customEntry('acme-writer')).id;
const requestId = accessRequestInputSchema.parse(accessRequest('anthropic-claude')).serviceId;

describe('a service id', () => {
  it.each([
    ['a built-in catalog id', catalogId],
    ['a custom entry id', customId],
    ["an access request's id", requestId],
    ['an id a vendor was linked to before the catalog carried it', 'acme.ai'],
    ['an id with underscores', 'acme_internal_gpt'],
    ['the longest id', `a${'b'.repeat(119)}`],
  ])('%s is accepted by every contract that names a service', (_, id) => {
    expect(serviceIdSchema.parse(id)).toBe(id);
    for (const [name, read] of Object.entries(contracts)) expect(read(id), name).toBe(id);
  });

  it('is trimmed and lower-cased where staff type it, and taken exactly as sent everywhere else', () => {
    const typedInForms = ['vendor services', 'vendor list filter'];
    for (const [name, read] of Object.entries(contracts))
      expect(read(' OpenAI-ChatGPT '), name).toBe(typedInForms.includes(name) ? 'openai-chatgpt' : undefined);
    expect(enteredServiceIdSchema.parse(' OpenAI-ChatGPT ')).toBe('openai-chatgpt');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['spaces and punctuation', 'Not a Service!'],
    ['a path', '../etc/passwd'],
    ['a slash', 'acme/writer'],
    ['a leading hyphen', '-acme'],
    ['a leading dot', '.acme'],
    ['longer than 120 characters', `a${'b'.repeat(120)}`],
    ['a NUL byte', 'acme\u0000writer'],
    ['quotes', 'Robert"); drop table'],
  ])('%s is refused by every contract that names a service', (_, id) => {
    expect(serviceIdSchema.safeParse(id).success).toBe(false);
    expect(enteredServiceIdSchema.safeParse(id).success).toBe(false);
    expect(enteredServiceIdSchema.safeParse(id).success).toBe(false);
    for (const [name, read] of Object.entries(contracts)) expect(read(id), name).toBeUndefined();
  });

  it('fits every built-in catalog id', () => {
    const refused = builtInCatalog.filter((entry) => !serviceIdSchema.safeParse(entry.id).success);
    expect(refused.map((entry) => entry.id)).toEqual([]);
    expect(builtInCatalog.length).toBeGreaterThan(600);
  });
});
