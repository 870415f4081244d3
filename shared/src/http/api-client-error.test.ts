import { describe, expect, it } from 'vitest';
import {
  ApiClientError,
  networkError,
  parseApiError,
  readApiError,
  toApiClientError,
} from './api-client-error';

describe('parseApiError', () => {
  it("keeps the server's code, message and details when the body is the API's error shape", () => {
    const error = parseApiError(409, {
      error: { code: 'conflict', message: 'Someone else changed it', details: [{ questionId: 'q1' }] },
    });
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'Someone else changed it',
      details: [{ questionId: 'q1' }],
    });
  });

  it("keeps a newer server's message when its code is one this client does not know", () => {
    const error = parseApiError(422, { error: { code: 'brand_new_code', message: 'Not like that' } });
    expect(error).toMatchObject({ status: 422, code: 'bad_request', message: 'Not like that' });
  });

  it.each([
    [502, null, 'internal'],
    [503, '<html>maintenance</html>', 'unavailable'],
    [404, {}, 'not_found'],
    [413, { message: 'too big' }, 'payload_too_large'],
    [429, { error: 'slow down' }, 'rate_limited'],
    [418, [], 'bad_request'],
  ])('names a %i with a body that is not the error shape by its status', (status, body, code) => {
    const error = parseApiError(status, body);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`The server answered ${status}. Please try again.`);
  });
});

describe('readApiError', () => {
  it('reads a JSON error body', async () => {
    const error = await readApiError({
      status: 403,
      json: async () => ({ error: { code: 'forbidden', message: 'Admins only' } }),
    });
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Admins only' });
  });

  it('falls back on the status when the body is not JSON', async () => {
    const error = await readApiError({
      status: 502,
      json: () => Promise.reject(new SyntaxError('Unexpected token <')),
    });
    expect(error).toMatchObject({ status: 502, code: 'internal' });
  });
});

describe('errors without an answer', () => {
  it('a network failure has status 0 and says there was no connection', () => {
    expect(networkError()).toMatchObject({ status: 0, code: 'network' });
    expect(networkError().message).toMatch(/no connection/i);
    expect(networkError('Offline; nothing was lost.').message).toBe('Offline; nothing was lost.');
  });

  it('any thrown value becomes an ApiClientError, and one stays itself', () => {
    const original = parseApiError(400, { error: { code: 'bad_request', message: 'No' } });
    expect(toApiClientError(original)).toBe(original);
    const wrapped = toApiClientError(new TypeError('boom'), 'Could not save.');
    expect(wrapped).toMatchObject({ code: 'internal', message: 'Could not save.' });
    expect(wrapped.details).toBeInstanceOf(TypeError);
  });
});
