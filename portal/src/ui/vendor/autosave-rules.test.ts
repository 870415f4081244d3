import { networkError, parseApiError } from '@sightline/shared/http/api-client-error';
import { describe, expect, it } from 'vitest';
import { readSaveError, type StatusFacts, saveStatus } from './autosave-rules';

const calm: StatusFacts = { sending: 0, failure: null, conflicted: 0, refused: 0, waiting: 0, savedAt: null };
const at = new Date('2026-03-02T10:00:00Z');

describe('saveStatus', () => {
  it('says saved only when nothing is on its way, waiting, refused or conflicted', () => {
    expect(saveStatus(calm)).toEqual({ kind: 'idle' });
    expect(saveStatus({ ...calm, savedAt: at })).toEqual({ kind: 'saved', at });
    expect(saveStatus({ ...calm, savedAt: at, waiting: 1 })).toEqual({ kind: 'pending' });
  });

  it('puts a save on its way first, then a failure, then conflicts, then refusals', () => {
    const failure = { message: 'No connection. Retrying…', linkDead: false };
    const everything = { ...calm, sending: 1, failure, conflicted: 2, refused: 1, waiting: 3, savedAt: at };
    expect(saveStatus(everything)).toEqual({ kind: 'saving' });
    expect(saveStatus({ ...everything, sending: 0 })).toEqual({ kind: 'error', ...failure });
    expect(saveStatus({ ...everything, sending: 0, failure: null })).toEqual({
      kind: 'error',
      message:
        '2 answers were changed by someone else meanwhile; choose which to keep at the marked question',
    });
    expect(saveStatus({ ...calm, refused: 1, waiting: 2 })).toEqual({
      kind: 'error',
      message: '1 answer was not saved; see the marked question',
    });
  });
});

describe('readSaveError', () => {
  it('reads a 409 as the answers someone else saved', () => {
    const conflict = {
      questionId: 'profile.purpose',
      theirs: { value: 'Theirs' },
      revision: 3,
      savedBy: 'Ines',
      savedAt: '2026-03-02T09:00:00Z',
    };
    expect(
      readSaveError(
        parseApiError(409, { error: { code: 'conflict', message: 'Not saved', details: [conflict] } }),
      ),
    ).toEqual({ kind: 'conflict', conflicts: [conflict] });
  });

  it('reads a 400 as the answers the server refused, each with its reason', () => {
    const refused = parseApiError(400, {
      error: {
        code: 'bad_request',
        message: 'Some answers were refused',
        details: [{ questionId: 'profile.user_count', message: 'a whole number' }, { path: 'answers' }],
      },
    });
    expect(readSaveError(refused)).toEqual({
      kind: 'refused',
      errors: { 'profile.user_count': 'Not saved: a whole number' },
    });
  });

  it('retries when nothing answered or the server failed, and not when the link is gone', () => {
    expect(readSaveError(networkError('No connection.'))).toEqual({
      kind: 'failed',
      retry: true,
      failure: { message: 'No connection. Retrying…', linkDead: false },
    });
    expect(readSaveError(parseApiError(503, null))).toMatchObject({ kind: 'failed', retry: true });
    expect(
      readSaveError(parseApiError(410, { error: { code: 'gone', message: 'This link has expired.' } })),
    ).toEqual({
      kind: 'failed',
      retry: false,
      failure: { message: 'This link has expired.', linkDead: true },
    });
  });

  it('does not take a malformed 409 for conflicts', () => {
    const odd = parseApiError(409, { error: { code: 'conflict', message: 'Try again', details: ['x'] } });
    expect(readSaveError(odd)).toMatchObject({
      kind: 'failed',
      retry: false,
      failure: { message: 'Try again' },
    });
  });
});
