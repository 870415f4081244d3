import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import type { ExtensionConfig } from '@sightline/shared/extension-api/managed-config';
import type {
  PolicyDocument,
  RequestOutcome,
  ServicePolicyEntry,
} from '@sightline/shared/extension-api/policy-document';
import type { PolicyState, RolloutMode } from '@sightline/shared/policy/policy-states';

/** The policy the extension acts on: the portal's last good copy, or the fail-open/closed fallback. */
export type EffectivePolicy = {
  source: 'portal' | 'fail-open' | 'fail-closed';
  mode: RolloutMode;
  /** State of catalog services the policy does not list. */
  defaultState: PolicyState;
  services: Readonly<Record<string, ServicePolicyEntry>>;
  proceedOnceMinutes: number;
  emailDomains: readonly string[];
  customEntries: readonly CatalogEntry[];
  orgName: string | null;
  /** This browser's own access requests as the portal last reported them. */
  requests: readonly RequestOutcome[];
};

export function effectivePolicy(doc: PolicyDocument | undefined, config: ExtensionConfig): EffectivePolicy {
  if (doc) {
    return {
      source: 'portal',
      mode: doc.mode,
      defaultState: 'unreviewed',
      services: Object.fromEntries(doc.services.map((s) => [s.serviceId, s])),
      proceedOnceMinutes: doc.proceedOnceMinutes,
      emailDomains: doc.emailDomains,
      customEntries: doc.customEntries,
      orgName: doc.orgName,
      // A copy stored by an older version of the extension has no `requests` until the next change.
      requests: doc.requests ?? [],
    };
  }
  // Never reached the portal: fail closed treats every catalog service as unapproved (warn) or
  // blocked, as IT chose; fail open records only.
  const closed = config.failMode === 'closed';
  const block = config.failClosedAction === 'block';
  return {
    source: closed ? 'fail-closed' : 'fail-open',
    mode: closed ? (block ? 'enforce' : 'coach') : 'monitor',
    defaultState: closed ? (block ? 'blocked' : 'unapproved') : 'unreviewed',
    services: {},
    proceedOnceMinutes: 60,
    emailDomains: [],
    customEntries: [],
    orgName: null,
    requests: [],
  };
}

export function serviceEntry(policy: EffectivePolicy, serviceId: string): ServicePolicyEntry {
  return (
    policy.services[serviceId] ?? {
      serviceId,
      state: policy.defaultState,
      conditions: null,
      alternative: null,
    }
  );
}
