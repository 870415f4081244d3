import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { hintForDomain } from '../content/account-hint';
import { syncPolicy } from '../policy/policy-sync';
import type { PortalClient } from '../portal/portal-client';
import { local } from '../state/local-state';
import { readConfig } from './config';
import { ensureEnrolled } from './enroll';

const doc: PolicyDocument = {
  orgName: 'Acme',
  mode: 'coach',
  failMode: 'open',
  proceedOnceMinutes: 60,
  emailDomains: [],
  services: [],
  customEntries: [],
  requests: [],
  version: 1,
};

function client(overrides: Partial<PortalClient> = {}): PortalClient {
  return {
    enroll: vi.fn(
      async () =>
        ({
          ok: true,
          value: { deviceId: '00000000-0000-4000-8000-000000000009', credential: 'k'.repeat(43) },
        }) as const,
    ),
    policy: vi.fn(async () => ({ ok: true, value: { doc, etag: '"v1"' } }) as const),
    events: vi.fn(),
    request: vi.fn(),
    candidates: vi.fn(),
    ...overrides,
  } as unknown as PortalClient;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Sightline',
    version: '0.1.0',
  });
});

describe('configuration and enrollment', () => {
  it('managed policy wins over the options page, key by key; bad managed values are ignored', async () => {
    await local.optionsConfig.set({ portalUrl: 'https://typed.example', userHint: 'typed@acme.example' });
    await fakeBrowser.storage.managed.set({
      portalUrl: 'https://it.example/',
      failMode: 'closed',
      policyRefreshMinutes: 'often',
    });
    const config = await readConfig();
    expect(config).toMatchObject({
      portalUrl: 'https://it.example',
      userHint: 'typed@acme.example',
      failMode: 'closed',
    });
    expect(config.policyRefreshMinutes).toBeUndefined();
    expect(config.managedKeys.sort()).toEqual(['failMode', 'portalUrl']);
  });

  it('enrolls once when start-up and the managed policy arriving ask at the same time', async () => {
    const c = client();
    const config = { portalUrl: 'https://it.example', enrollmentToken: 't'.repeat(43), managedKeys: [] };
    const outcomes = await Promise.all([
      ensureEnrolled(c, config, 'managed'),
      ensureEnrolled(c, config, 'managed'),
      ensureEnrolled(c, config, 'managed'),
    ]);
    expect(c.enroll).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => o.status)).toEqual(['enrolled', 'already', 'already']);
  });

  it('enrolls once with the token and keeps the credential; does not re-enroll a revoked device by itself', async () => {
    const c = client();
    const config = { portalUrl: 'https://it.example', enrollmentToken: 't'.repeat(43), managedKeys: [] };
    expect((await ensureEnrolled(c, config, 'managed')).status).toBe('enrolled');
    expect(c.enroll).toHaveBeenCalledWith(
      'https://it.example',
      expect.objectContaining({ token: 't'.repeat(43), extensionVersion: '0.1.0' }),
    );
    expect((await ensureEnrolled(c, config, 'managed')).status).toBe('already');
    const current = (await local.enrollment.get())!;
    await local.enrollment.set({ ...current, revokedAt: new Date().toISOString() });
    expect((await ensureEnrolled(c, config, 'managed')).status).toBe('revoked');
    expect(c.enroll).toHaveBeenCalledTimes(1);
  });

  it('reports a refused token and stays unenrolled', async () => {
    const c = client({
      enroll: vi.fn(
        async () =>
          ({
            ok: false,
            kind: 'unauthorized',
            revoked: false,
            message: 'This enrollment token was revoked',
          }) as const,
      ),
    });
    const outcome = await ensureEnrolled(
      c,
      { portalUrl: 'https://it.example', enrollmentToken: 'x'.repeat(43), managedKeys: [] },
      'options',
    );
    expect(outcome).toEqual({ status: 'failed', message: 'This enrollment token was revoked' });
    expect(await local.enrollment.get()).toBeNull();
  });
});

describe('policy sync', () => {
  it('stores the policy with its ETag, sends it back, and keeps the last good copy when offline', async () => {
    const c = client();
    await ensureEnrolled(
      c,
      { portalUrl: 'https://it.example', enrollmentToken: 't'.repeat(43), managedKeys: [] },
      'options',
    );
    expect(await syncPolicy(c)).toBe('updated');
    expect((await local.policy.get())?.etag).toBe('"v1"');

    (c.policy as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ ok: true, value: null });
    expect(await syncPolicy(c)).toBe('unchanged');
    expect(c.policy).toHaveBeenLastCalledWith('https://it.example', 'k'.repeat(43), '"v1"');

    (c.policy as ReturnType<typeof vi.fn>).mockResolvedValueOnce({
      ok: false,
      kind: 'network',
      message: 'offline',
    });
    expect(await syncPolicy(c)).toBe('failed');
    expect((await local.policy.get())?.doc.orgName).toBe('Acme');
    expect(await local.policySync.get()).toMatchObject({ ok: false, message: 'offline' });
  });

  it('marks the device revoked when the portal says so', async () => {
    const c = client();
    await ensureEnrolled(
      c,
      { portalUrl: 'https://it.example', enrollmentToken: 't'.repeat(43), managedKeys: [] },
      'options',
    );
    (c.policy as ReturnType<typeof vi.fn>).mockResolvedValueOnce({
      ok: false,
      kind: 'unauthorized',
      revoked: true,
      message: 'revoked',
    });
    expect(await syncPolicy(c)).toBe('revoked');
    expect((await local.enrollment.get())?.revokedAt).toBeTruthy();
  });
});

describe('account hint', () => {
  it('is work for the org domains and their subdomains, personal otherwise, unknown without org domains', () => {
    expect(hintForDomain('acme.example', ['acme.example'])).toBe('work');
    expect(hintForDomain('EU.Acme.Example', ['acme.example'])).toBe('work');
    expect(hintForDomain('gmail.com', ['acme.example'])).toBe('personal');
    expect(hintForDomain('notacme.example', ['acme.example'])).toBe('personal');
    expect(hintForDomain('acme.example', [])).toBe('unknown');
  });
});
