import type postgres from 'postgres';

export type EnrolledDevice = { deviceId: string; credential: string };

/**
 * Enrolls `count` browsers over HTTP as the extension does: the admin signs in and creates an
 * enrollment token, and each browser exchanges it for its own device credential.
 */
export async function enrollDevices(
  url: string,
  admin: { email: string; password: string },
  count: number,
): Promise<EnrolledDevice[]> {
  const json = { 'content-type': 'application/json', origin: url };
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(admin),
  });
  if (signIn.status !== 200) throw new Error(`admin sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${url}/api/enrollment-tokens`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ label: 'fault-test fleet' }),
  });
  const { token } = (await created.json()) as { token: string };
  const devices: EnrolledDevice[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/ext/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        userHint: `person${i}@example.com`,
        browser: 'chrome',
        platform: 'linux',
        extensionVersion: '0.1.0',
      }),
    });
    if (res.status !== 201) throw new Error(`enrollment failed: ${res.status} ${await res.text()}`);
    devices.push((await res.json()) as EnrolledDevice);
  }
  return devices;
}

/** Every stored client id per browser (by its place in `devices`), and the rollups' total of visits. */
export async function storedEvents(sql: postgres.Sql, devices: readonly { deviceId: string }[]) {
  const rows = await sql<{ device_id: string; client_event_id: string }[]>`
    select device_id, client_event_id from usage_event`;
  const index = new Map(devices.map((d, i) => [d.deviceId, i]));
  const events = new Map<number, string[]>();
  for (const row of rows) {
    const device = index.get(row.device_id) ?? -1;
    const list = events.get(device) ?? [];
    list.push(row.client_event_id);
    events.set(device, list);
  }
  const [rollup] = await sql<{ visits: number }[]>`
    select coalesce(sum(visits), 0)::int as visits from usage_daily`;
  return { events, rollupVisits: rollup!.visits };
}
