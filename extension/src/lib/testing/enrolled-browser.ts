import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { local } from '../state/local-state';

/** For unit tests: a fresh fake browser holding an enrollment, as after a successful enroll. */
export async function resetToEnrolledBrowser(): Promise<void> {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Sightline',
    version: '0.1.0',
  });
  await local.enrollment.set({
    portalUrl: 'http://portal.test',
    deviceId: '00000000-0000-4000-8000-000000000001',
    credential: 'c'.repeat(43),
    enrolledAt: new Date().toISOString(),
    source: 'options',
  });
}
