import { PRESENCE_CHUNK_BITS } from '@sightline/db/schema/usage';

/**
 * Calls `each` with the number (usage_person.idx or usage_browser.idx) of every set bit of a presence
 * chunk read as text (`bits::text`, '0' and '1' from the first bit on): bit i of chunk c is c × 1024 + i.
 */
export function forEachSetBit(chunk: number | string, bits: string, each: (idx: number) => void): void {
  const base = Number(chunk) * PRESENCE_CHUNK_BITS;
  for (let i = bits.indexOf('1'); i !== -1; i = bits.indexOf('1', i + 1)) each(base + i);
}
