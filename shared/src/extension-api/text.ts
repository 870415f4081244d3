import { z } from 'zod';

const NUL = '\u0000';

/**
 * Free text from a browser or a form. PostgreSQL text cannot hold the NUL character, so a string with
 * one is refused as bad input (400) instead of failing in the database.
 */
export function plainText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !s.includes(NUL), 'Contains a NUL character');
}

/** An http(s) URL without NUL characters. */
export function webUrl(max = 2000) {
  return z
    .url()
    .max(max)
    .regex(/^https?:\/\//, 'Use an http(s) URL')
    .refine((s) => !s.includes(NUL), 'Contains a NUL character');
}
