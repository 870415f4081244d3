import { z } from 'zod';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * Cursor paging, the one contract every list in the API follows: a client asks for `limit` rows
 * after an opaque `cursor` and gets `{ items, nextCursor }`; `nextCursor` is null on the last page.
 * The cursor carries the last row's sort key (every sort column, the id last as the tie-breaker), so
 * the next page starts exactly after it: no row is skipped or repeated, and rows added meanwhile
 * never push a row already shown onto the next page.
 */

/** Rows a page holds when the client does not say. */
export const PAGE_SIZE_DEFAULT = 100;
/** The most rows one page may hold. */
export const PAGE_SIZE_MAX = 500;

/** The longest cursor the server gives out: sort keys are short (timestamps, ids, names ≤ 200). */
const CURSOR_MAX_LENGTH = 2048;

export const cursorTextSchema = z
  .string()
  .min(1)
  .max(CURSOR_MAX_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor this server gave out');

/** The paging half of a list's query; each list adds its own filters beside it. */
export const pageQuerySchema = z.object({
  cursor: cursorTextSchema.optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** One page of a list, for an item schema. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<Item> = { items: Item[]; nextCursor: string | null };

/**
 * What a cursor holds: the list it belongs to (a cursor from another list is refused, not misread)
 * and the last row's sort key, each part as PostgreSQL's own text for it (or null).
 */
const cursorPayloadSchema = z.strictObject({
  l: z.string().min(1).max(40),
  k: z.array(z.string().max(1000).nullable()).min(1).max(8),
});
export type CursorPayload = { list: string; keys: (string | null)[] };

/** Escapes every character outside ASCII, so the JSON is ASCII and base64url needs no UTF-8 step. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function encodeCursor(payload: CursorPayload): string {
  return toBase64Url(asciiJson({ l: payload.list, k: payload.keys }));
}

/** The cursor's content, or undefined when the text is not a cursor this server could have made. */
export function decodeCursor(text: string): CursorPayload | undefined {
  if (!cursorTextSchema.safeParse(text).success) return undefined;
  const json = fromBase64Url(text);
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = cursorPayloadSchema.safeParse(value);
  return parsed.success ? { list: parsed.data.l, keys: parsed.data.k } : undefined;
}
