import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import { createEnrollmentTokenSchema } from '@sightline/shared/extension-api/staff-admin';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrorMessage } from './form-error-messages';
import { intoContract, listOf, numberText, textOrNull, textOrUndefined } from './form-fields';

const tokenForm = intoContract(
  z.object({ label: z.string(), expiresInDays: numberText }),
  createEnrollmentTokenSchema,
);

// A form whose fields give what the contract does not take is refused by the compiler.
// @ts-expect-error expiresInDays is text here, a number in the contract
intoContract(z.object({ label: z.string(), expiresInDays: z.string() }), createEnrollmentTokenSchema);

describe('form fields', () => {
  it('an empty optional text is null or left out, anything else trimmed', () => {
    expect(textOrNull.parse('  ')).toBeNull();
    expect(textOrNull.parse(' Use the EU tenant ')).toBe('Use the EU tenant');
    expect(textOrUndefined.parse('')).toBeUndefined();
  });

  it('a number field gives the number, nothing when empty, and lets the contract refuse the rest', () => {
    expect(tokenForm.parse({ label: 'Laptops', expiresInDays: ' 30 ' })).toEqual({
      label: 'Laptops',
      expiresInDays: 30,
    });
    expect(tokenForm.parse({ label: 'Laptops', expiresInDays: '' })).toEqual({ label: 'Laptops' });
    const refused = tokenForm.safeParse(
      { label: 'Laptops', expiresInDays: 'e' },
      { error: formErrorMessage },
    );
    expect(refused.error?.issues).toMatchObject([{ path: ['expiresInDays'], message: 'Give a number' }]);
  });

  it('a list field splits, cleans and checks each item, naming the one refused', () => {
    const services = listOf(enteredServiceIdSchema);
    expect(services.parse(' OpenAI-ChatGPT, acme.ai\nacme.ai,, ')).toEqual(['openai-chatgpt', 'acme.ai']);
    expect(services.safeParse('openai-chatgpt, -bad').error?.issues).toMatchObject([
      { message: expect.stringMatching(/^-bad: a service id uses lower-case letters/) },
    ]);
    expect(listOf(z.string().max(3), /\s+/).safeParse('abc abcd').error?.issues[0]?.message).toBe(
      'abcd: At most 3 characters',
    );
  });
});
