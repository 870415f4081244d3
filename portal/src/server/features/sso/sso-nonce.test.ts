import type { DbHandle } from '@sightline/db/client';
import { verification } from '@sightline/db/schema/auth';
import { openTestDb } from '@sightline/db/testing/test-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeNonce, takeNonce } from './sso-nonce';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));

async function rows() {
  return (await handle.db.select({ identifier: verification.identifier }).from(verification)).map(
    (r) => r.identifier,
  );
}

describe('the nonces of single sign-on attempts', () => {
  it('gives a nonce back once, and only within ten minutes of the sign-in starting', async () => {
    const { db } = handle;
    const nonce = await storeNonce(db, 'state-once', at(0));
    expect(await takeNonce(db, 'state-once', at(9))).toBe(nonce);
    expect(await takeNonce(db, 'state-once', at(9))).toBeNull();

    await storeNonce(db, 'state-late', at(0));
    expect(await takeNonce(db, 'state-late', at(10))).toBeNull();
  });

  it('sweeps the nonces of attempts never finished once they are past their time, keeping the others', async () => {
    const { db } = handle;
    await db.insert(verification).values({
      id: 'not-a-nonce',
      identifier: 'reset-password:someone',
      value: 'x',
      expiresAt: at(0),
    });
    const nonces = async () => (await rows()).filter((r) => r.startsWith('sso-nonce:'));
    // The test before left one behind: the late attempt, whose time ran out at 9:10.
    expect(await nonces()).toHaveLength(1);

    await storeNonce(db, 'abandoned-early', at(20));
    await storeNonce(db, 'abandoned-later', at(25));
    expect(await nonces()).toHaveLength(2);

    // 9:31: the early attempt's time ran out at 9:30; the later one's lasts until 9:35.
    await storeNonce(db, 'next', at(31));
    expect(await nonces()).toHaveLength(2);
    expect(await takeNonce(db, 'abandoned-later', at(32))).not.toBeNull();
    expect(await takeNonce(db, 'next', at(32))).not.toBeNull();
    expect(await nonces()).toEqual([]);
    // Rows that are not nonces are better-auth's to manage, expired or not.
    expect(await rows()).toEqual(['reset-password:someone']);
  });
});
