import { MAX_UPLOAD_BYTES } from '@sightline/shared/assessments/upload-rules';
import { storedDocumentSchema } from '@sightline/shared/vendors/vendor-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { expectJson } from '../../testing/typed-response';
import { assessmentTestApp, json, sendAssessment } from '../assessments/assessment-test-kit';
import { sampleExe, samplePdf } from '../evidence/sample-files';

let t: TestApp;
let cookie: string;
let api: Awaited<ReturnType<TestApp['clientAs']>>;
beforeAll(async () => {
  t = await assessmentTestApp();
  cookie = await t.signInAs('procurement');
  api = await t.clientAs('procurement');
});
afterAll(() => t?.close());

type NewVendor = Parameters<typeof api.api.vendors.$post>[0]['json'];
type VendorQuery = Parameters<typeof api.api.vendors.$get>[0]['query'];
const create = async (body: NewVendor) => (await expectJson(api.api.vendors.$post({ json: body }), 201)).id;
const search = async (query: VendorQuery) =>
  (await expectJson(api.api.vendors.$get({ query }), 200)).items.map((v) => v.name);
const vendorApi = (id: string) => api.api.vendors[':id'].$get({ param: { id } });

function upload(
  vendorId: string,
  bytes: Uint8Array,
  name: string,
  fields: Record<string, string> = {
    title: 'ISO 42001 certificate',
    kind: 'certificate',
    expiresOn: '2027-12-31',
  },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return t.request(`/api/vendors/${vendorId}/documents`, { method: 'POST', cookie, body: form });
}

describe('vendor register', () => {
  it('keeps vendors with services, providers and contacts, searchable and filterable', async () => {
    const acme = await create({
      name: 'Acme AI',
      website: 'https://acme.example',
      status: 'conditional',
      tier: 'high',
      services: ['acme-writer', 'Acme-Chat'],
      modelProviders: ['OpenAI', 'OpenAI', 'Anthropic'],
      subProcessors: ['AWS'],
    });
    await create({ name: '100%_Discount AI', status: 'approved', tier: 'low' });
    expect(await search({ q: 'acme' })).toEqual(['Acme AI']);
    expect(await search({ q: 'acme-writer' })).toEqual(['Acme AI']);
    expect(await search({ q: '%' })).toEqual(['100%_Discount AI']);
    expect(await search({ status: 'approved' })).toEqual(['100%_Discount AI']);
    expect(await search({ tier: 'high', status: 'conditional' })).toEqual(['Acme AI']);
    expect((await t.request('/api/vendors?tier=extreme', { cookie })).status).toBe(400);

    const contacts = api.api.vendors[':id'].contacts;
    await expectJson(
      contacts.$post({
        param: { id: acme },
        json: { name: 'Vera', email: 'Vera@Acme.example', isPrimary: true },
      }),
      201,
    );
    const second = await expectJson(
      contacts.$post({
        param: { id: acme },
        json: { name: 'Sam', email: 'sam@acme.example', isPrimary: true },
      }),
      201,
    );
    await expectJson(
      api.api.vendors[':id'].$patch({
        param: { id: acme },
        json: { nextReviewOn: '2027-03-01', subProcessors: ['AWS', 'Cloudflare'] },
      }),
      200,
    );
    await sendAssessment(t, acme);
    const detail = await expectJson(vendorApi(acme), 200);
    expect(detail.vendor).toMatchObject({
      modelProviders: ['OpenAI', 'Anthropic'],
      subProcessors: ['AWS', 'Cloudflare'],
      nextReviewOn: '2027-03-01',
      tier: 'high',
    });
    expect(detail.services.sort()).toEqual(['acme-chat', 'acme-writer']);
    expect(detail.contacts.filter((c) => c.isPrimary).map((c) => c.email)).toEqual(['sam@acme.example']);
    expect(detail.contacts.map((c) => c.email)).toContain('vera@acme.example');
    expect(detail.assessments.map((a) => a.state)).toEqual(['sent']);
    const removeSecond = () =>
      api.api.vendors[':id'].contacts[':contactId'].$delete({ param: { id: acme, contactId: second.id } });
    await expectJson(removeSecond(), 200);
    expect((await removeSecond()).status).toBe(404);
  });

  it('refuses bad input with 400 and lets auditors only read', async () => {
    for (const body of [
      {},
      { name: '' },
      { name: 'X', website: 'javascript:alert(1)' },
      { name: 'X', services: ['Not a Service!'] },
      { name: 'X', extra: 1 },
    ]) {
      expect((await t.request('/api/vendors', { method: 'POST', cookie, json: body })).status).toBe(400);
    }
    const auditor = await t.signInAs('auditor');
    expect((await t.request('/api/vendors', { cookie: auditor })).status).toBe(200);
    expect(
      (await t.request('/api/vendors', { method: 'POST', cookie: auditor, json: { name: 'X' } })).status,
    ).toBe(403);
  });

  it('stores documents with an expiry, sniffed type and hash, served only as attachments', async () => {
    const id = await create({ name: 'Docs AI' });
    // A multipart upload, which the typed client does not describe: read with the route's shared schema.
    const created = storedDocumentSchema.parse(
      await json(await upload(id, samplePdf(), 'iso42001.pdf'), 201),
    );
    expect(created.mediaType).toBe('application/pdf');
    const file = await t.request(`/api/vendors/${id}/documents/${created.id}/file`, {
      cookie: await t.signInAs('auditor'),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="iso42001.pdf"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array(samplePdf()));
    const detail = await expectJson(vendorApi(id), 200);
    expect(detail.documents).toEqual([
      expect.objectContaining({ expiresOn: '2027-12-31', sha256: created.sha256 }),
    ]);

    expect((await upload(id, new Uint8Array(0), 'empty.pdf')).status).toBe(400);
    expect((await upload(id, sampleExe(), 'certificate.pdf')).status).toBe(415);
    expect((await upload(id, samplePdf(), 'x.pdf', { title: 'x', kind: 'nonsense' })).status).toBe(400);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(samplePdf());
    expect((await upload(id, big, 'big.pdf')).status).toBe(413);
    expect((await expectJson(vendorApi(id), 200)).documents).toHaveLength(1);
    await expectJson(
      api.api.vendors[':id'].documents[':documentId'].$delete({ param: { id, documentId: created.id } }),
      200,
    );
  });
});
