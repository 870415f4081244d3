import { z } from 'zod';

/** An instant as the API writes it (a Date through JSON: ISO 8601 in UTC). */
export const timestampSchema = z.iso.datetime();
/** A calendar day as the API writes it: YYYY-MM-DD. */
export const daySchema = z.iso.date();
