// A 32-bit FNV-1a hash of a host read right to left. Reading from the right lets the classifier hash
// every parent domain of a host in one pass (the hash of `example.com` is a step on the way to
// `www.example.com`), and both sides must use exactly these constants.

export const hashSeed = 0x811c9dc5 | 0;
export const hashPrime = 0x01000193;

export function hashHost(host: string): number {
  let hash = hashSeed;
  for (let i = host.length - 1; i >= 0; i -= 1) hash = Math.imul(hash ^ host.charCodeAt(i), hashPrime);
  return hash;
}

/** Spreads FNV's weak low bits before they pick a filter bit. */
export function mixHash(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Bits in the host filter. Fixed at 2^21 (256 KiB) up to about 65,000 hosts so the per-URL cost
 * does not change with catalog size, then grown to keep false positives near 2%.
 */
export function filterBitsFor(hostCount: number): number {
  let bits = 21;
  while (bits < 26 && 2 ** bits < hostCount * 32) bits += 1;
  return bits;
}
