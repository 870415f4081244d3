import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice, testEvent } from './test-helpers';

let t: TestApp;
let dev: Awaited<ReturnType<typeof enrollTestDevice>>;
beforeAll(async () => {
  t = await createTestApp();
  dev = await enrollTestDevice(t);
});
afterAll(() => t.close());

describe('hostile input to the extension API never gives a 5xx', () => {
  const bodies: [string, string][] = [
    ['text/plain', JSON.stringify({ events: [testEvent()] })],
    ['application/json', 'null'],
    ['application/json', '[]'],
    ['application/json', '{"events":[null]}'],
    ['application/json', '{"events":[{}]}'],
    ['application/json', `{"events":[${JSON.stringify(testEvent({ occurredAt: 'yesterday' }))}]}`],
    ['application/json', `{"events":[${JSON.stringify({ ...testEvent(), bytes: 1e300 })}]}`],
    ['application/json', `{"events":[${JSON.stringify({ ...testEvent(), count: -1 })}]}`],
    [
      'application/json',
      `{"events":[${JSON.stringify({ ...testEvent(), serviceId: 'Robert"); drop table' })}]}`,
    ],
    ['application/json', '{"events":[],"dropped":1e12}'],
    ['application/json', '\u0000\u0001'],
  ];
  for (const [type, body] of bodies) {
    it(`${type} ${body.slice(0, 60)}`, async () => {
      for (const path of ['/api/ext/events', '/api/ext/requests', '/api/ext/candidates', '/api/ext/enroll']) {
        const res = await t.request(path, {
          method: 'POST',
          body,
          headers: { ...dev.auth, 'content-type': type },
        });
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(res.status, path).toBeLessThan(500);
      }
    });
  }

  it('NUL characters in free text are refused with 400 and store nothing', async () => {
    const nul = 'drafting\u0000 release notes for customers';
    const cases: [string, unknown][] = [
      [
        '/api/ext/requests',
        {
          clientRequestId: crypto.randomUUID(),
          serviceId: 'openai-chatgpt',
          justification: nul,
          intendedUse: 'notes',
          dataCategories: [],
        },
      ],
      ['/api/ext/events', { events: [testEvent({ matchedRule: 'domain:chatgpt.com\u0000' })] }],
      ['/api/ext/events', { events: [], extensionVersion: '0.1\u0000' }],
      ['/api/ext/enroll', { token: 'x'.repeat(43), userHint: 'a\u0000b' }],
    ];
    for (const [path, json] of cases) {
      const res = await t.request(path, { method: 'POST', json, headers: dev.auth });
      expect(res.status, path).toBe(400);
    }
    const admin = await t.signInAs('admin');
    for (const [method, path, json] of [
      [
        'PUT',
        '/api/policy/services/openai-chatgpt',
        { state: 'conditional', conditions: 'no\u0000 customer data' },
      ],
      ['PATCH', '/api/settings', { name: 'Acme\u0000' }],
      ['POST', '/api/enrollment-tokens', { label: 'x\u0000' }],
    ] as const) {
      expect((await t.request(path, { method, json, cookie: admin })).status, path).toBe(400);
    }
  });

  it('counts absurd drop reports up to the largest number it can store, never failing the batch', async () => {
    const device = await enrollTestDevice(t);
    for (let i = 0; i < 3; i++) {
      const res = await t.request('/api/ext/events', {
        method: 'POST',
        json: { events: [testEvent()], dropped: 1_000_000_000 },
        headers: device.auth,
      });
      expect(res.status).toBe(200);
    }
    const list = (await (
      await t.request('/api/devices?limit=500', { cookie: await t.signInAs('admin') })
    ).json()) as {
      items: { id: string; droppedEvents: number }[];
    };
    expect(list.items.find((d) => d.id === device.deviceId)?.droppedEvents).toBe(2_147_483_647);
  });

  it('a policy fetch with a strange If-None-Match is just a 200', async () => {
    const res = await t.request('/api/ext/policy', {
      headers: { ...dev.auth, 'if-none-match': '*, W/"x", \u00ff' },
    });
    expect(res.status).toBeLessThan(500);
  });
});
