import { z } from 'zod';

/** Free text from a browser or a form, trimmed. (The portal refuses a NUL character in any request.) */
export function plainText(min: number, max: number) {
  return z.string().trim().min(min).max(max);
}

/** An http(s) URL. */
export function webUrl(max = 2000) {
  return z
    .url()
    .max(max)
    .regex(/^https?:\/\//, 'Use an http(s) URL');
}
