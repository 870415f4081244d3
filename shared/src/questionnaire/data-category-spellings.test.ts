import { describe, expect, it } from 'vitest';
import { toDataCategories, toDataCategory } from './data-category-spellings';

describe('data category spellings', () => {
  it('accept the vocabulary as it is and the old request spellings, mapped', () => {
    expect(toDataCategory('personal')).toBe('personal');
    expect(toDataCategory('personal-data')).toBe('personal');
    expect(toDataCategory('health')).toBe('special_category');
    expect(toDataCategory('constructor')).toBeUndefined();
    expect(toDataCategory('gossip')).toBeUndefined();
  });

  it('give each category once, in vocabulary order, dropping unknown ones', () => {
    expect(toDataCategories(['source-code', 'personal-data', 'personal', 'x', 'internal'])).toEqual([
      'internal',
      'personal',
      'source_code',
    ]);
  });
});
