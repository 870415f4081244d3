import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from './client';

/** The migrations this build ships, from drizzle-kit's journal. */
export function shippedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}
