import { passwordSchema } from '@sightline/shared/auth/staff-api';
import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import {
  createEnrollmentTokenSchema,
  setServicePolicySchema,
  updateOrgSettingsSchema,
} from '@sightline/shared/extension-api/staff-admin';
import { createVendorSchema } from '@sightline/shared/vendors/vendor-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { numberLimits, textLimits } from './schema-limits';

describe('textLimits', () => {
  it('reads the limits of a plain string', () => {
    expect(textLimits(z.string().min(2).max(40))).toEqual({ minLength: 2, maxLength: 40 });
    expect(textLimits(passwordSchema)).toEqual({ minLength: 12, maxLength: 128 });
  });

  it('reads through trim, refinements, optional, nullable and default', () => {
    expect(textLimits(createEnrollmentTokenSchema.shape.label)).toEqual({ minLength: 1, maxLength: 120 });
    expect(textLimits(setServicePolicySchema.shape.note)).toEqual({ maxLength: 4000 });
    expect(textLimits(updateOrgSettingsSchema.shape.name)).toEqual({ minLength: 1, maxLength: 200 });
    expect(
      textLimits(
        z
          .string()
          .max(9)
          .refine((s) => s !== 'x')
          .default('a'),
      ),
    ).toEqual({ maxLength: 9 });
  });

  it('reads a format (email, url) and the input side of a transform', () => {
    expect(
      textLimits(
        z
          .email()
          .max(254)
          .transform((s) => s.toLowerCase()),
      ),
    ).toEqual({ maxLength: 254 });
    expect(textLimits(createVendorSchema.shape.website)).toEqual({ maxLength: 500 });
  });

  it('reads the output side of a pipe whose input only cleans the text', () => {
    expect(textLimits(enteredServiceIdSchema)).toEqual({ minLength: 1, maxLength: 120 });
  });

  it('gives nothing when the schema sets no limit or is not text', () => {
    expect(textLimits(z.string())).toEqual({});
    expect(textLimits(z.number().max(3))).toEqual({});
  });

  it('gives the limit the schema applies when it has two', () => {
    expect(textLimits(createVendorSchema.shape.name.max(50)).maxLength).toBe(50);
    expect(textLimits(createVendorSchema.shape.name.max(300)).maxLength).toBe(200);
  });
});

describe('numberLimits', () => {
  it('reads min and max through optional', () => {
    expect(numberLimits(createEnrollmentTokenSchema.shape.expiresInDays)).toEqual({ min: 1, max: 3650 });
    expect(numberLimits(updateOrgSettingsSchema.shape.proceedOnceMinutes)).toEqual({ min: 1, max: 10080 });
  });

  it('leaves out bounds the schema does not set', () => {
    expect(numberLimits(z.number().int())).toEqual({});
    expect(numberLimits(z.number().min(0))).toEqual({ min: 0 });
    expect(numberLimits(z.string().max(3))).toEqual({});
  });
});
