import {
  createEnrollmentTokenSchema,
  updateOrgSettingsSchema,
} from '@sightline/shared/extension-api/staff-admin';
import { createVendorSchema } from '@sightline/shared/vendors/vendor-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrorMessage } from './form-error-messages';

/** The message a form shows for this value, as useZodForm parses it. */
function shown(schema: z.ZodType, value: unknown): string | undefined {
  return schema.safeParse(value, { error: formErrorMessage }).error?.issues[0]?.message;
}

describe('form error messages', () => {
  it('says what a text field needs in words, with the contract’s limit', () => {
    expect(shown(createEnrollmentTokenSchema.shape.label, '   ')).toBe('Fill this in');
    expect(shown(createEnrollmentTokenSchema.shape.label, 'x'.repeat(121))).toBe('At most 120 characters');
    expect(shown(z.string().min(5), 'abc')).toBe('At least 5 characters');
  });

  it('says what a number field needs', () => {
    const days = createEnrollmentTokenSchema.shape.expiresInDays;
    expect(shown(days, 0)).toBe('At least 1');
    expect(shown(days, 4000)).toBe('At most 3650');
    expect(shown(days, 1.5)).toBe('Give a whole number');
    expect(shown(days, Number.NaN)).toBe('Give a number');
  });

  it('names the format a field expects', () => {
    expect(shown(z.url(), 'not a url')).toBe('Give a web address such as https://example.com');
    expect(shown(z.email(), 'nobody')).toBe('Give an email address such as name@example.com');
    expect(shown(updateOrgSettingsSchema.shape.mode, 'loud')).toBe('Choose one of the options');
  });

  it('keeps a message the contract sets itself', () => {
    expect(shown(createVendorSchema.shape.name, '')).toBe('must not be empty');
    expect(shown(createVendorSchema.shape.website, 'ftp://files.example')).toBe(
      'a website is an http(s) address',
    );
  });
});
