import { updateOrgSettingsSchema } from '@sightline/shared/extension-api/staff-admin';
import { createAiSystemSchema } from '@sightline/shared/inventory/inventory-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrorMessage } from './form-error-messages';
import { listOf, numberText, textOrNull } from './form-fields';
import { intoContract } from './into-contract';

const { shape } = updateOrgSettingsSchema;
const settingsForm = intoContract(
  z.object({
    name: z.string(),
    emailDomains: listOf(shape.emailDomains.unwrap().element, /[\s,]+/),
    rawEventRetentionDays: numberText,
  }),
  updateOrgSettingsSchema,
);

// A form whose fields give what the contract does not take is refused by the compiler.
// @ts-expect-error the retention is text here, a number in the contract
intoContract(z.object({ rawEventRetentionDays: z.string() }), updateOrgSettingsSchema);

const problems = (schema: z.ZodType, input: unknown) =>
  schema
    .safeParse(input, { error: formErrorMessage })
    .error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('intoContract', () => {
  it('gives what the contract gives for valid fields', () => {
    expect(
      settingsForm.parse({
        name: ' Acme ',
        emailDomains: 'Acme.example intranet.acme.example',
        rawEventRetentionDays: '90',
      }),
    ).toEqual({
      name: 'Acme',
      emailDomains: ['acme.example', 'intranet.acme.example'],
      rawEventRetentionDays: 90,
    });
  });

  it('says every field’s problem at once: the form’s own and the contract’s', () => {
    expect(
      problems(settingsForm, {
        name: '',
        emailDomains: 'acme.example, intranet',
        rawEventRetentionDays: '0',
      }),
    ).toEqual([
      ['name', 'Fill this in'],
      ['emailDomains', 'intranet: Give a domain such as example.com'],
      ['rawEventRetentionDays', 'At least 1'],
    ]);
  });

  it('applies the contract’s object-wide rules once the fields pass, at the field they name', () => {
    const systemForm = intoContract(
      z.object({
        name: z.string(),
        purpose: z.string(),
        owner: z.string(),
        decisionsAboutPeople: z.boolean(),
        decisionsDescription: textOrNull,
      }),
      createAiSystemSchema,
    );
    const input = { name: 'Triage bot', purpose: 'Sorts tickets', owner: 'Ops', decisionsAboutPeople: true };
    expect(problems(systemForm, { ...input, decisionsDescription: ' ' })).toEqual([
      ['decisionsDescription', 'Say which decisions about people it makes or shapes'],
    ]);
    expect(systemForm.parse({ ...input, decisionsDescription: 'Who gets a call back first' })).toMatchObject({
      decisionsAboutPeople: true,
      decisionsDescription: 'Who gets a call back first',
      origin: 'internal',
    });
  });
});
