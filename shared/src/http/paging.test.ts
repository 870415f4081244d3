import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeCursor, encodeCursor, PAGE_SIZE_MAX, pageQuerySchema } from './paging';

describe('cursors', () => {
  it('read back exactly what was written, whatever text the sort key holds', () => {
    const key = fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: null });
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 8 }), (keys) => {
        const cursor = encodeCursor({ list: 'vendors', keys });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(cursor)).toEqual({ list: 'vendors', keys });
      }),
    );
  });

  it('agree with the platform base64url codec', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (ascii) => {
        const ours = toBase64Url(ascii);
        expect(ours).toBe(Buffer.from(ascii, 'latin1').toString('base64url'));
        expect(fromBase64Url(ours)).toBe(ascii);
      }),
    );
  });

  it('turn anything else into "not a cursor" rather than an exception', () => {
    const notCursors = [
      '',
      '!!!',
      'a',
      toBase64Url('not json'),
      toBase64Url('{"l":"vendors","k":[]}'),
      toBase64Url('{"l":"vendors","k":[1]}'),
      toBase64Url('{"l":"vendors","k":["a"],"x":1}'),
      toBase64Url('[]'),
      Buffer.from('{"l":"é","k":["a"]}', 'latin1').toString('base64url'),
      'A'.repeat(5000),
    ];
    for (const text of notCursors) expect(decodeCursor(text)).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const decoded = decodeCursor(text);
        if (decoded) expect(encodeCursor(decoded)).toMatch(/^[A-Za-z0-9_-]+$/);
      }),
    );
  });
});

describe('the page query', () => {
  it('defaults the page size and refuses sizes outside 1…max', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 100 });
    expect(pageQuerySchema.parse({ limit: '25' })).toEqual({ limit: 25 });
    for (const limit of ['0', '-1', '2.5', 'ten', String(PAGE_SIZE_MAX + 1), '']) {
      expect(pageQuerySchema.safeParse({ limit }).success).toBe(false);
    }
    expect(pageQuerySchema.safeParse({ cursor: 'a b' }).success).toBe(false);
  });
});
