import type { RequestOutcome } from '@sightline/shared/extension-api/policy-document';
import { describe, expect, it } from 'vitest';
import { requestStanding } from './request-standing';

const request = (over: Partial<RequestOutcome>): RequestOutcome => ({
  requestId: '11111111-1111-4111-8111-111111111111',
  serviceId: 'perplexity',
  status: 'open',
  requestedAt: '2026-03-01T10:00:00.000Z',
  decidedAt: null,
  outcome: null,
  conditions: null,
  note: null,
  ...over,
});

describe("a request's standing", () => {
  it('nothing asked: nothing to say; asked from this browser only: asked on that day', () => {
    expect(requestStanding('perplexity', [], null)).toBeNull();
    expect(requestStanding('perplexity', [request({ serviceId: 'other' })], null)).toBeNull();
    expect(requestStanding('perplexity', [], '2026-03-02T08:00:00.000Z')).toEqual({
      kind: 'asked',
      requestedAt: '2026-03-02T08:00:00.000Z',
    });
  });

  it("follows the portal's newest request for the service", () => {
    const older = request({
      requestId: '22222222-2222-4222-8222-222222222222',
      status: 'rejected',
      outcome: 'reject',
      requestedAt: '2026-01-01T10:00:00.000Z',
      decidedAt: '2026-01-05T10:00:00.000Z',
      note: 'Data leaves the EU',
    });
    const newer = request({ status: 'in_assessment' });
    // An open request the person asked about twice stays what the portal says it is.
    expect(requestStanding('perplexity', [newer, older], '2026-03-04T10:00:00.000Z')).toEqual({
      kind: 'in_assessment',
      requestedAt: newer.requestedAt,
    });
    expect(requestStanding('perplexity', [older], null)).toEqual({
      kind: 'rejected',
      requestedAt: older.requestedAt,
      decidedAt: older.decidedAt,
      reason: 'Data leaves the EU',
    });
  });

  it('asking again after a decision shows the new request until the portal reports it', () => {
    const rejected = request({
      status: 'rejected',
      outcome: 'reject',
      decidedAt: '2026-03-05T10:00:00.000Z',
      note: 'No',
    });
    expect(requestStanding('perplexity', [rejected], '2026-03-06T09:00:00.000Z')).toEqual({
      kind: 'asked',
      requestedAt: '2026-03-06T09:00:00.000Z',
    });
    // The date this browser kept from before the decision does not hide the decision.
    expect(requestStanding('perplexity', [rejected], '2026-03-01T09:59:58.000Z')?.kind).toBe('rejected');
  });

  it("an approval with conditions carries the request's conditions, else the service's", () => {
    const approved = request({
      status: 'approved',
      outcome: 'approve_with_conditions',
      decidedAt: '2026-03-05T10:00:00.000Z',
      conditions: 'Work account only',
    });
    expect(requestStanding('perplexity', [approved], null, 'Policy text')).toMatchObject({
      kind: 'approved',
      conditions: 'Work account only',
    });
    expect(
      requestStanding('perplexity', [{ ...approved, conditions: null }], null, 'Policy text'),
    ).toMatchObject({ kind: 'approved', conditions: 'Policy text' });
    expect(
      requestStanding(
        'perplexity',
        [{ ...approved, outcome: 'approve', conditions: null }],
        null,
        'Policy text',
      ),
    ).toMatchObject({ kind: 'approved', conditions: null });
  });

  it('a withdrawn request says so', () => {
    expect(
      requestStanding(
        'perplexity',
        [request({ status: 'withdrawn', decidedAt: '2026-03-02T00:00:00.000Z' })],
        null,
      ),
    ).toMatchObject({ kind: 'withdrawn' });
  });
});
