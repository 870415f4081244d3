import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';

/**
 * One key of storage.local, read through its zod schema. A value that does not parse (a bug, a
 * hand-edited profile, a layout this build does not know) reads as the fallback instead of reaching the
 * code as a lie; the next write replaces it.
 */
export type StoredItem<T> = {
  /** The key in storage.local (for storage.onChanged listeners). */
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
};

/**
 * Version migrations, by the version they produce. Builds before versioning wrote no version, which WXT
 * reads as version 1; so `{ 2: fn }` turns that layout into version 2. A migration receives whatever was
 * stored, unchecked: it must not throw on junk (reading validates afterwards anyway).
 */
export type Migrations = Record<number, (old: unknown) => unknown>;

/** `fallback` is what an absent or invalid value reads as; a nullable schema allows `null`. */
export function storedItem<S extends z.ZodType>(
  key: string,
  options: { schema: S; fallback: z.output<S>; version: number; migrations: Migrations },
): StoredItem<z.output<S>> {
  // WXT runs the migrations once when the item is defined (at worker start) and every read or write
  // waits for them, so nothing reads a layout older than `version`.
  const item = storage.defineItem<unknown>(`local:${key}`, {
    version: options.version,
    migrations: options.migrations,
  });
  // A copy each time: callers modify what they read (push to a list) before writing it back.
  const fallback = () => structuredClone(options.fallback);
  return {
    key,
    async get() {
      const raw = await item.getValue();
      // Absent (WXT reads a missing key as null; writing null removes it).
      if (raw === null) return fallback();
      const parsed = options.schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      // The key only: the value may hold a credential.
      console.warn(`Sightline: the stored "${key}" is not valid; using the default`);
      return fallback();
    },
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
  };
}
