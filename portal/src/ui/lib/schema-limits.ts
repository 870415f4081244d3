import { z } from 'zod';

/**
 * The schema a form field's value is checked against, with the wrappers that do not change its limits
 * taken off: optional, nullable, default, and the input side of a pipe or a transform.
 */
function core(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return core(schema.unwrap() as z.ZodType);
  }
  // A pipe's input side holds the limits of what is typed; a cleaning step (trim, lower case) may put
  // them on the output side instead, as the entered service id does.
  if (schema instanceof z.ZodPipe) return [...core(schema.in as z.ZodType), ...core(schema.out as z.ZodType)];
  return [schema];
}

/**
 * A text field's `minLength` and `maxLength` as the contract has them, to spread into the input:
 * `<input {...textLimits(vendorSchema.shape.name)} />`. Nothing for limits the schema does not set.
 */
export function textLimits(schema: z.ZodType): { minLength?: number; maxLength?: number } {
  for (const inner of core(schema)) {
    if (inner instanceof z.ZodString || inner instanceof z.ZodStringFormat) {
      const limits: { minLength?: number; maxLength?: number } = {};
      if (inner.minLength !== null && inner.minLength > 0) limits.minLength = inner.minLength;
      if (inner.maxLength !== null) limits.maxLength = inner.maxLength;
      if (limits.minLength !== undefined || limits.maxLength !== undefined) return limits;
    }
  }
  return {};
}

/** A number field's `min` and `max` as the contract has them: `<input type="number" {...numberLimits(s)} />`. */
export function numberLimits(schema: z.ZodType): { min?: number; max?: number } {
  for (const inner of core(schema)) {
    if (inner instanceof z.ZodNumber) {
      const limits: { min?: number; max?: number } = {};
      // An integer schema's own safe-integer range is no limit worth showing.
      if (inner.minValue !== null && inner.minValue > Number.MIN_SAFE_INTEGER) limits.min = inner.minValue;
      if (inner.maxValue !== null && inner.maxValue < Number.MAX_SAFE_INTEGER) limits.max = inner.maxValue;
      return limits;
    }
  }
  return {};
}
