import { z } from 'zod';
import { formErrorMessage } from './form-error-messages';

/**
 * A form's schema: its fields (what the inputs hold, turned into values) piped into the shared
 * contract, so the contract's own rules, limits and messages decide what is sent, object-wide rules
 * included. The compiler checks that every value the fields give is one the contract takes. (zod's own
 * `pipe` asks the reverse, that the contract takes nothing more, which no contract with an optional
 * field passes.)
 */
export function intoContract<F extends z.ZodType, C extends z.ZodType>(
  fields: F,
  contract: C & ([z.output<F>] extends [z.input<C>] ? unknown : never),
): z.ZodPipe<F, C> {
  return z.pipe(fields, contract as z.core.$ZodType<unknown, z.output<F>>) as z.ZodPipe<F, C>;
}

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
