import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from './a10-template-v1';
import { compareItems, crosswalk } from './crosswalk';

describe('crosswalk', () => {
  it('maps each framework item to the questions tagged with it, in framework then item order', () => {
    const entries = crosswalk(a10TemplateV1);
    const frameworks = [...new Set(entries.map((e) => e.framework))];
    expect(frameworks).toEqual(['iso42001', 'euAiAct', 'gdpr', 'dora', 'nis2', 'iso27001']);
    const a102 = entries.find((e) => e.framework === 'iso42001' && e.item === 'A.10.2');
    expect(a102?.questionIds).toContain('gov.responsibility_split');
    const gdpr = entries.filter((e) => e.framework === 'gdpr').map((e) => e.item);
    expect(gdpr).toEqual([...gdpr].sort(compareItems));
  });

  it('can be limited to the questions an assessment asked', () => {
    const entries = crosswalk(a10TemplateV1, new Set(['reg.processor_terms']));
    expect(entries.map((e) => `${e.framework} ${e.item}`)).toEqual([
      'iso42001 A.10.2',
      'iso42001 A.10.3',
      'gdpr Art. 28',
      'dora Art. 30',
      'iso27001 A.5.20',
    ]);
  });

  it('orders items number by number', () => {
    expect(['A.5.19', 'A.10.2', 'A.5.2', '8.1', 'A.6.2.6'].sort(compareItems)).toEqual([
      '8.1',
      'A.5.2',
      'A.5.19',
      'A.6.2.6',
      'A.10.2',
    ]);
    expect(['Art. 28', 'Art. 5', 'Art. 28(3)(g)', 'Art. 28(2)'].sort(compareItems)).toEqual([
      'Art. 5',
      'Art. 28',
      'Art. 28(2)',
      'Art. 28(3)(g)',
    ]);
  });
});
