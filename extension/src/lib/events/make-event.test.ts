import { describe, expect, it } from 'vitest';
import { type EventFields, hostOf, makeEvent } from './make-event';

const secrets = [
  'my secret prompt about the merger',
  'alice@customer.example',
  'password=hunter2',
  'q=confidential+numbers',
  '/c/6f1e-private-chat',
];

describe('events carry metadata only', () => {
  it('keeps only the named metadata fields, with a client id and a time', () => {
    const e = makeEvent({
      kind: 'paste',
      serviceId: 'openai-chatgpt',
      host: 'chatgpt.com',
      count: 1,
      bytes: 120,
      fileTypes: ['text/plain'],
    });
    expect(e).toMatchObject({
      kind: 'paste',
      serviceId: 'openai-chatgpt',
      host: 'chatgpt.com',
      count: 1,
      bytes: 120,
    });
    expect(e?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(e!).sort()).toEqual([
      'bytes',
      'count',
      'fileTypes',
      'host',
      'id',
      'kind',
      'occurredAt',
      'serviceId',
    ]);
  });

  it('never carries page text, pasted or typed content, form values or full query strings', () => {
    // Whatever a caller tries to smuggle in, as extra fields or inside the fields that exist.
    const smuggled = {
      kind: 'paste',
      serviceId: 'openai-chatgpt',
      host: 'chatgpt.com',
      count: 1,
      bytes: 33,
      text: secrets[0],
      pageText: secrets[0],
      formValues: { email: secrets[1], password: 'hunter2' },
      url: `https://chatgpt.com${secrets[4]}?${secrets[3]}`,
      query: secrets[3],
    } as unknown as EventFields;
    const e = makeEvent(smuggled);
    expect(e).not.toBeNull();
    const serialized = JSON.stringify(e);
    for (const s of [...secrets, 'hunter2', 'merger']) expect(serialized).not.toContain(s);

    // A URL, a path or free text in the host or rule fields does not pass at all.
    for (const host of [
      `chatgpt.com${secrets[4]}`,
      `https://chatgpt.com/?${secrets[3]}`,
      secrets[0],
      'CHATGPT.COM',
    ]) {
      expect(makeEvent({ kind: 'visit', serviceId: 'openai-chatgpt', host: host ?? '' })).toBeNull();
    }
    expect(
      makeEvent({ kind: 'upload', serviceId: 'x', host: 'chatgpt.com', fileTypes: [secrets[0]!] }),
    ).toBeNull();
  });

  it('reduces URLs to their host', () => {
    expect(hostOf('https://chatgpt.com/c/123?q=secret#frag')).toBe('chatgpt.com');
    expect(hostOf('http://Example.COM.:8080/x')).toBe('example.com');
    expect(hostOf('https://bücher.example/')).toBe('xn--bcher-kva.example');
    expect(hostOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
    expect(hostOf(undefined)).toBeNull();
  });
});
