import { describe, expect, it } from 'vitest';
import { dataCategories as vocabulary } from '../questionnaire/profile-vocabulary';
import { useContextSchema } from '../questionnaire/use-context';
import { accessRequestInputSchema, dataCategories } from './access-requests';

const request = (categories: string[]) => ({
  clientRequestId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  serviceId: 'acme-writer',
  justification: 'I draft customer letters every day.',
  intendedUse: 'Drafting letters',
  dataCategories: categories,
});

describe('access request data categories', () => {
  it('are the one vocabulary of data categories, less "none"', () => {
    expect([...dataCategories]).toEqual(vocabulary.filter((c) => c !== 'none'));
  });

  it('map the spellings deployed extensions still send onto the vocabulary', () => {
    const parsed = accessRequestInputSchema.parse(
      request(['personal-data', 'customer-data', 'source-code', 'special-category-personal-data', 'health']),
    );
    expect(parsed.dataCategories).toEqual(['personal', 'special_category', 'source_code', 'customer_data']);
  });

  it('reach the use context of an assessment unchanged, so personal data raises inherent risk', () => {
    for (const category of [...dataCategories, 'personal-data', 'financial', 'public', 'health']) {
      const parsed = accessRequestInputSchema.parse(request([category]));
      expect(useContextSchema.parse({ dataCategories: parsed.dataCategories }).dataCategories).toEqual(
        parsed.dataCategories,
      );
    }
  });

  it('refuse a category that is in neither spelling', () => {
    expect(accessRequestInputSchema.safeParse(request(['gossip'])).success).toBe(false);
    expect(accessRequestInputSchema.safeParse(request(['none'])).success).toBe(false);
  });
});
