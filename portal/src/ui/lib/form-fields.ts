import { z } from 'zod';
import { formErrorMessage } from './form-error-messages';

// What a form's inputs hold (text), turned into what contracts take.

/** An optional text field: trimmed, and null when left empty (the contract's "none"). */
export const textOrNull = z
  .string()
  .trim()
  .transform((value) => value || null);

/** An optional text field the contract leaves out when empty. */
export const textOrUndefined = z
  .string()
  .trim()
  .transform((value) => value || undefined);

/**
 * A number field's text: left out when empty, else the number typed (NaN for anything else, which
 * the contract then refuses as "Give a number").
 */
export const numberText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : Number(value)));

/**
 * A list typed into one text field, items split at `separator`, trimmed, blanks and repeats dropped,
 * each checked by the contract's item schema; a refused item is named in the field's message.
 */
export function listOf<T extends z.ZodType>(item: T, separator: RegExp = /[,\n]/) {
  return z.string().transform((text, ctx) => {
    const typed = [...new Set(text.split(separator).map((s) => s.trim()))].filter(Boolean);
    const items: z.output<T>[] = [];
    for (const raw of typed) {
      const checked = item.safeParse(raw, { error: formErrorMessage });
      if (checked.success) items.push(checked.data);
      else ctx.addIssue({ code: 'custom', message: `${raw}: ${checked.error.issues[0]?.message}` });
    }
    return items;
  });
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A file input (react-hook-form gives its FileList): the one file chosen, not empty, at most `maxBytes`. */
export function oneFile(maxBytes: number) {
  return z
    .custom<FileList>((value) => typeof (value as FileList | null)?.item === 'function', 'Choose a file')
    .transform((files, ctx) => {
      const file = files.item(0);
      if (!file) {
        ctx.addIssue({ code: 'custom', message: 'Choose a file' });
        return z.NEVER;
      }
      if (file.size === 0) {
        ctx.addIssue({ code: 'custom', message: `${file.name} is empty` });
        return z.NEVER;
      }
      if (file.size > maxBytes) {
        ctx.addIssue({
          code: 'custom',
          message: `${file.name} is ${megabytes(file.size)}; the most is ${megabytes(maxBytes)}`,
        });
        return z.NEVER;
      }
      return file;
    });
}

/**
 * A dropdown's or a URL parameter's value as the schema reads it, or undefined when it is empty or not
 * one the schema takes (instead of a cast that trusts the page).
 */
export function optionOf<S extends z.ZodType>(
  schema: S,
  raw: string | null | undefined,
): z.output<S> | undefined {
  if (!raw) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
