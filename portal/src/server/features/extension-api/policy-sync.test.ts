import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice } from './test-helpers';

let t: TestApp;
let dev: Awaited<ReturnType<typeof enrollTestDevice>>;
beforeAll(async () => {
  t = await createTestApp();
  dev = await enrollTestDevice(t);
});
afterAll(() => t.close());

describe('GET /api/ext/policy', () => {
  it('returns the policy with an ETag, 304 when unchanged, a new ETag after a change', async () => {
    const first = await t.request('/api/ext/policy', { headers: dev.auth });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32,64}"$/);
    const doc = (await first.json()) as PolicyDocument;
    expect(doc).toMatchObject({ mode: 'coach', failMode: 'open', services: [], customEntries: [] });

    const same = await t.request('/api/ext/policy', { headers: { ...dev.auth, 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    // A proxy may weaken the tag or a client send several.
    const listed = await t.request('/api/ext/policy', {
      headers: { ...dev.auth, 'if-none-match': `"0000", W/${etag}` },
    });
    expect(listed.status).toBe(304);

    const admin = await t.signInAs('admin');
    const set = await t.request('/api/policy/services/anthropic-claude', {
      method: 'PUT',
      cookie: admin,
      json: { state: 'unapproved', alternativeServiceId: 'openai-chatgpt' },
    });
    expect(set.status).toBe(200);
    const settings = await t.request('/api/settings', {
      method: 'PATCH',
      cookie: admin,
      json: { mode: 'enforce', emailDomains: ['Example.com'] },
    });
    expect(settings.status).toBe(200);

    const changed = await t.request('/api/ext/policy', { headers: { ...dev.auth, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const next = (await changed.json()) as PolicyDocument;
    expect(next.mode).toBe('enforce');
    expect(next.emailDomains).toEqual(['example.com']);
    expect(next.services).toEqual([
      {
        serviceId: 'anthropic-claude',
        state: 'unapproved',
        conditions: null,
        alternative: { serviceId: 'openai-chatgpt', name: 'ChatGPT', url: 'https://openai.com' },
      },
    ]);
  });

  it('refuses a conditional state without conditions, and unknown services', async () => {
    const admin = await t.signInAs('admin');
    const bad = await t.request('/api/policy/services/openai-chatgpt', {
      method: 'PUT',
      cookie: admin,
      json: { state: 'conditional' },
    });
    expect(bad.status).toBe(400);
    const unknown = await t.request('/api/policy/services/no-such-service', {
      method: 'PUT',
      cookie: admin,
      json: { state: 'approved' },
    });
    expect(unknown.status).toBe(404);
    const viewer = await t.signInAs('viewer');
    const forbidden = await t.request('/api/policy/services/openai-chatgpt', {
      method: 'PUT',
      cookie: viewer,
      json: { state: 'approved' },
    });
    expect(forbidden.status).toBe(403);
  });
});
