import { describe, expect, it } from 'vitest';
import { describeStanding } from './request-standing-text';

const day = (iso: string) => iso.slice(0, 10);
const chatgpt = { name: 'ChatGPT', url: 'https://chatgpt.com/' };

describe('what the pages say about a request', () => {
  it('asked or in assessment: when, waiting for a decision, another request allowed', () => {
    expect(describeStanding({ kind: 'asked', requestedAt: '2026-03-01T10:00:00Z' }, null, day)).toEqual({
      text: 'You asked for access on 2026-03-01.',
      conditions: null,
      alternative: null,
      decided: null,
      waiting: true,
      canAskAgain: true,
    });
    expect(
      describeStanding({ kind: 'in_assessment', requestedAt: '2026-03-01T10:00:00Z' }, null, day),
    ).toMatchObject({
      text: 'Your request is being assessed (you asked on 2026-03-01).',
      waiting: true,
      canAskAgain: true,
    });
  });

  it('approved with conditions: the conditions, no "send another request"', () => {
    expect(
      describeStanding(
        {
          kind: 'approved',
          requestedAt: '2026-03-01T10:00:00Z',
          decidedAt: '2026-03-04T10:00:00Z',
          conditions: 'No customer data.',
        },
        chatgpt,
        day,
      ),
    ).toEqual({
      text: 'Approved with conditions:',
      conditions: 'No customer data.',
      alternative: null,
      decided: 'Decided on 2026-03-04.',
      waiting: false,
      canAskAgain: false,
    });
    expect(
      describeStanding(
        { kind: 'approved', requestedAt: '2026-03-01T10:00:00Z', decidedAt: null, conditions: null },
        null,
        day,
      ),
    ).toMatchObject({ text: 'Your request was approved.', conditions: null, canAskAgain: false });
  });

  it('rejected: the reason and the alternative to use instead; asking again allowed', () => {
    const rejected = {
      kind: 'rejected' as const,
      requestedAt: '2026-03-01T10:00:00Z',
      decidedAt: '2026-03-04T10:00:00Z',
      reason: 'Data leaves the EU',
    };
    expect(describeStanding(rejected, chatgpt, day)).toEqual({
      text: 'Rejected: Data leaves the EU.',
      conditions: null,
      alternative: { label: 'ChatGPT', url: 'https://chatgpt.com/' },
      decided: 'Decided on 2026-03-04.',
      waiting: false,
      canAskAgain: true,
    });
    // A reason that ends its own sentence is not given a second full stop; no alternative, no "use".
    expect(describeStanding({ ...rejected, reason: 'Not for work!' }, null, day)).toMatchObject({
      text: 'Rejected: Not for work!',
      alternative: null,
    });
    expect(
      describeStanding({ ...rejected, reason: null }, { name: 'Copilot', url: null }, day),
    ).toMatchObject({
      text: 'Your request was rejected.',
      alternative: { label: 'Copilot', url: null },
    });
  });

  it('withdrawn: said plainly, asking again allowed', () => {
    expect(
      describeStanding(
        { kind: 'withdrawn', requestedAt: '2026-03-01T10:00:00Z', decidedAt: null },
        null,
        day,
      ),
    ).toMatchObject({ text: 'Your request of 2026-03-01 was withdrawn.', canAskAgain: true, decided: null });
  });
});
