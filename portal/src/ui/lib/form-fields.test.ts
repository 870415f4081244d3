import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import { createEnrollmentTokenSchema } from '@sightline/shared/extension-api/staff-admin';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrorMessage } from './form-error-messages';
import { listOf, numberText, oneFile, optionOf, textOrNull, textOrUndefined } from './form-fields';
import { intoContract } from './into-contract';

const tokenForm = intoContract(
  z.object({ label: z.string(), expiresInDays: numberText }),
  createEnrollmentTokenSchema,
);

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

  it('a file field gives the one file chosen, and says when none is or it is too large', () => {
    const chosen = (...files: File[]) => ({ length: files.length, item: (i: number) => files[i] ?? null });
    const report = new File(['%PDF-1.7'], 'report.pdf');
    expect(oneFile(1024).parse(chosen(report))).toBe(report);
    expect(oneFile(1024).safeParse(chosen()).error?.issues[0]?.message).toBe('Choose a file');
    expect(oneFile(1024).safeParse(undefined).error?.issues[0]?.message).toBe('Choose a file');
    expect(oneFile(1024).safeParse(chosen(new File([], 'blank.pdf'))).error?.issues[0]?.message).toBe(
      'blank.pdf is empty',
    );
    const large = new File([new Uint8Array(3 * 1024 * 1024)], 'scan.png');
    expect(oneFile(2 * 1024 * 1024).safeParse(chosen(large)).error?.issues[0]?.message).toBe(
      'scan.png is 3 MB; the most is 2 MB',
    );
  });

  it('a dropdown or URL value is taken only when the schema takes it', () => {
    const tier = z.enum(['low', 'high']);
    expect(optionOf(tier, 'high')).toBe('high');
    expect(optionOf(tier, 'extreme')).toBeUndefined();
    expect(optionOf(tier, '')).toBeUndefined();
    expect(optionOf(tier, null)).toBeUndefined();
  });
});
