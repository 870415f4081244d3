import { describe, expect, it } from 'vitest';
import { summariseEvidence } from './evidence-summary';

describe('summariseEvidence', () => {
  const files = [
    { questionId: 'gov.iso42001', verified: true, expiresOn: '2026-03-31' },
    { questionId: 'gov.iso42001', verified: false, expiresOn: null },
    { questionId: 'sec.soc2', verified: true, expiresOn: '2025-12-31' },
  ];

  it('counts files and verified files per question while they are in date, the expiry day included', () => {
    expect(summariseEvidence(files, '2025-12-31')).toEqual({
      'gov.iso42001': { count: 2, verified: 1 },
      'sec.soc2': { count: 1, verified: 1 },
    });
  });

  it('leaves an expired file out entirely, verified or not: it counts as no file', () => {
    expect(summariseEvidence(files, '2026-01-01')).toEqual({ 'gov.iso42001': { count: 2, verified: 1 } });
    expect(summariseEvidence(files, '2026-04-01')).toEqual({ 'gov.iso42001': { count: 1, verified: 0 } });
  });

  it('keeps question ids that look like object properties as plain keys', () => {
    const summary = summariseEvidence([{ questionId: 'constructor', verified: false }], '2026-01-01');
    expect(summary).toEqual({ constructor: { count: 1, verified: 0 } });
  });
});
