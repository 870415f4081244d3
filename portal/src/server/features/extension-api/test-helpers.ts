import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import type { TestApp } from '../../testing/test-app';

/** Creates an enrollment token as admin and enrolls one device with it (`null`: a browser that names no user). */
export async function enrollTestDevice(t: TestApp, userHint: string | null = 'ada@example.com') {
  const admin = await t.signInAs('admin');
  const created = await t.request('/api/enrollment-tokens', {
    method: 'POST',
    cookie: admin,
    json: { label: 'Fleet' },
  });
  const { token, id: tokenId } = (await created.json()) as { token: string; id: string };
  const res = await t.request('/api/ext/enroll', {
    method: 'POST',
    json: {
      token,
      ...(userHint === null ? {} : { userHint }),
      browser: 'chrome',
      platform: 'linux',
      extensionVersion: '0.1.0',
    },
  });
  const body = (await res.json()) as { deviceId: string; credential: string };
  return { ...body, token, tokenId, auth: { authorization: `Bearer ${body.credential}` } };
}

export function testEvent(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    id: randomUUID(),
    kind: 'visit',
    serviceId: 'openai-chatgpt',
    host: 'chatgpt.com',
    matchedRule: 'domain:chatgpt.com',
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}
