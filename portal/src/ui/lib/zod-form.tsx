import { zodResolver } from '@hookform/resolvers/zod';
import { type FieldValues, type UseFormProps, type UseFormReturn, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { formErrorMessage } from './form-error-messages';

/**
 * A react-hook-form form checked by a shared zod schema: the field rules and messages are the
 * contract's, the same the server applies, and the submit handler receives the parsed output. Where the
 * contract has no message of its own, the form says what the field needs in words (formErrorMessage).
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    ...options,
    resolver: zodResolver(schema, { error: formErrorMessage }),
  });
}

/**
 * A field's problem, next to it (outside its label, so it does not become part of the field's name)
 * and tied to the input by `id`: use it as the input's aria-describedby. On a refused submit the form
 * focuses the first such field, and a screen reader reads this with it.
 */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="error field-error">
      {message}
    </span>
  );
}

/**
 * What ties an input to its FieldError: marked invalid while it has a problem, and described by the
 * message's element (which exists only then).
 */
export function fieldErrorProps(errorId: string, error: { message?: string } | undefined) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': errorId } as const;
}
