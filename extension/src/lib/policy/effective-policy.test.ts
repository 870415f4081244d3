import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { describe, expect, it } from 'vitest';
import { effectivePolicy, serviceEntry } from './effective-policy';

const doc: PolicyDocument = {
  orgName: 'Acme',
  mode: 'enforce',
  failMode: 'closed',
  proceedOnceMinutes: 30,
  emailDomains: ['acme.example'],
  services: [{ serviceId: 'openai-chatgpt', state: 'approved', conditions: null, alternative: null }],
  customEntries: [],
  requests: [],
  version: 3,
};

describe('effective policy', () => {
  it("follows the portal's last good copy; unlisted services are unreviewed", () => {
    const p = effectivePolicy(doc, { failMode: 'closed', failClosedAction: 'block' });
    expect(p).toMatchObject({ source: 'portal', mode: 'enforce', proceedOnceMinutes: 30 });
    expect(serviceEntry(p, 'openai-chatgpt').state).toBe('approved');
    expect(serviceEntry(p, 'anthropic-claude').state).toBe('unreviewed');
  });

  it('fail-open with no policy ever fetched: monitor only', () => {
    for (const config of [{}, { failMode: 'open' as const }]) {
      const p = effectivePolicy(undefined, config);
      expect(p).toMatchObject({ source: 'fail-open', mode: 'monitor' });
    }
  });

  it('fail-closed with no policy: catalog services warned or blocked as IT chose', () => {
    expect(effectivePolicy(undefined, { failMode: 'closed' })).toMatchObject({
      source: 'fail-closed',
      mode: 'coach',
      defaultState: 'unapproved',
    });
    expect(effectivePolicy(undefined, { failMode: 'closed', failClosedAction: 'block' })).toMatchObject({
      mode: 'enforce',
      defaultState: 'blocked',
    });
  });
});
