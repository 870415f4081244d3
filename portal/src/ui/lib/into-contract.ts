import { z } from 'zod';

/** Each form field checked by the contract's own rule for it as well, so all field errors show at once. */
function withContractFields(fields: z.ZodType, contract: z.ZodType): z.ZodType {
  if (fields instanceof z.ZodPipe) {
    return z.pipe(withContractFields(fields.in as z.ZodType, contract), fields.out as z.ZodType);
  }
  if (!(fields instanceof z.ZodObject) || !(contract instanceof z.ZodObject)) return fields;
  const contractShape: Record<string, z.ZodType> = contract.shape;
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(fields.shape as Record<string, z.ZodType>)) {
    const rule = contractShape[key];
    shape[key] = rule ? z.pipe(field, rule) : field;
  }
  return z.object(shape);
}

/**
 * A form's schema: its fields (what the inputs hold, turned into values) piped into the shared
 * contract, so the contract's own rules, limits and messages decide what is sent, object-wide rules
 * included. Each field also goes through the contract's rule for it on the way, so a form shows every
 * field's problem at once; the object-wide rules (one field needs another) follow once those pass.
 *
 * The compiler checks that every value the fields give is one the contract takes. (zod's own `pipe`
 * asks the reverse, that the contract takes nothing more, which no contract with an optional field
 * passes; hence the casts inside, which the check above makes safe.)
 */
export function intoContract<F extends z.ZodType, C extends z.ZodType>(
  fields: F,
  contract: C & ([z.output<F>] extends [z.input<C>] ? unknown : never),
): z.ZodPipe<F, C> {
  const checked = withContractFields(fields, contract) as z.core.$ZodType<z.output<F>, z.input<F>>;
  return z.pipe(checked, contract as z.core.$ZodType<unknown, z.output<F>>) as unknown as z.ZodPipe<F, C>;
}
