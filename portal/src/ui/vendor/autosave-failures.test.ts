import { networkError, parseApiError } from '@sightline/shared/http/api-client-error';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, DEBOUNCE_MS, RETRY_MS } from './autosave-store';
import { emptyServer, fakeServer, purpose, settle, trust } from './autosave-test-kit';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const conflictOn = (questionId: string, theirs: string, revision: number) =>
  parseApiError(409, {
    error: {
      code: 'conflict',
      message: 'Not saved',
      details: [
        { questionId, theirs: { value: theirs }, revision, savedBy: 'Ines', savedAt: '2026-01-01T10:00:00Z' },
      ],
    },
  });

describe('a failed save', () => {
  it('offline: keeps the answer, retries by itself, and says saved once the retry gets through', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'Drafting customer letters' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(networkError('No connection.'));
    await settle();
    expect(autosave.getSnapshot().status).toMatchObject({
      kind: 'error',
      message: 'No connection. Retrying…',
    });

    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.answers).toEqual({ [purpose.id]: { value: 'Drafting customer letters' } });
    server.calls[1]!.resolve({ [purpose.id]: 1 });
    await settle();
    expect(autosave.getSnapshot().status.kind).toBe('saved');
    expect(autosave.hasUnsendable()).toBe(false);
  });

  it('a link that is gone is said plainly and not retried', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'mine' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(
      parseApiError(410, { error: { code: 'gone', message: 'This link has expired.' } }),
    );
    await settle();
    expect(autosave.getSnapshot().status).toEqual({
      kind: 'error',
      message: 'This link has expired.',
      linkDead: true,
    });
    await vi.advanceTimersByTimeAsync(RETRY_MS * 3);
    expect(server.calls).toHaveLength(1);
  });

  it('answers the server refuses are marked and the others go again on their own', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'Drafting customer letters' });
    autosave.update(trust, { value: 'not a link' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(
      parseApiError(400, {
        error: {
          code: 'bad_request',
          message: 'Refused',
          details: [{ questionId: trust.id, message: 'give a web address' }],
        },
      }),
    );
    await settle();
    expect(autosave.getSnapshot().errors).toEqual({ [trust.id]: 'Not saved: give a web address' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(server.calls[1]!.answers).toEqual({ [purpose.id]: { value: 'Drafting customer letters' } });
    server.calls[1]!.resolve({ [purpose.id]: 1 });
    await settle();
    expect(autosave.getSnapshot().status).toMatchObject({
      kind: 'error',
      message: '1 answer was not saved; see the marked question',
    });

    // Corrected, it is sent and the mark goes.
    autosave.update(trust, { value: 'https://trust.example' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[2]!.resolve({ [trust.id]: 1 });
    await settle();
    expect(autosave.getSnapshot().errors).toEqual({});
    expect(autosave.getSnapshot().status.kind).toBe('saved');
  });
});

describe('settling a conflict', () => {
  it('keeping theirs takes the colleague’s answer and sends nothing', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'mine' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(conflictOn(purpose.id, 'theirs', 2));
    await settle();
    expect(autosave.getSnapshot().conflicts[purpose.id]).toMatchObject({ revision: 2 });

    autosave.resolve(purpose.id, 'theirs');
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'theirs' });
    expect(autosave.getSnapshot().conflicts).toEqual({});
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(server.calls).toHaveLength(1);
    expect(autosave.hasUnsendable()).toBe(false);
  });

  it('keeping mine saves it over theirs, from their revision, so it is not a conflict again', async () => {
    const server = fakeServer();
    const autosave = createAutosave(server.save);
    autosave.receive(emptyServer);
    autosave.update(purpose, { value: 'mine' });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    server.calls[0]!.reject(conflictOn(purpose.id, 'theirs', 2));
    await settle();

    autosave.resolve(purpose.id, 'mine');
    await settle();
    expect(server.calls[1]).toMatchObject({
      answers: { [purpose.id]: { value: 'mine' } },
      bases: { [purpose.id]: 2 },
    });
    server.calls[1]!.resolve({ [purpose.id]: 3 });
    await settle();
    expect(autosave.getSnapshot().answers[purpose.id]).toEqual({ value: 'mine' });
    expect(autosave.getSnapshot().status.kind).toBe('saved');
  });
});
