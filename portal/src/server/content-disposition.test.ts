import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

/** What a browser reads from the header: the filename* value decoded, else the quoted one. */
function readBack(header: string): { ascii: string; unicode: string } {
  const ascii = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
  const encoded = /filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]*)$/.exec(header)?.[1];
  if (encoded === undefined) throw new Error(`filename* is not RFC 8187: ${header}`);
  return { ascii, unicode: decodeURIComponent(encoded) };
}

describe('Content-Disposition for a download', () => {
  it.each([
    'report.pdf',
    "O'Brien (final) *draft*.pdf",
    '深度求索 报告 🤖.pdf',
    'محمد.pdf',
    'a"b\\c;d=e.pdf',
    'line\r\nSet-Cookie: x=1.pdf',
    '%41%00.pdf',
  ])('carries %j whole in filename*, and only safe ASCII in filename', (name) => {
    const header = attachmentDisposition(name);
    expect(header).not.toMatch(/[\r\n\0]/);
    expect(header.startsWith('attachment; ')).toBe(true);
    const { ascii, unicode } = readBack(header);
    expect(unicode).toBe(name);
    expect(ascii).toMatch(/^[\x20-\x7e]*$/);
    expect(ascii).not.toMatch(/["\\]/);
  });
});
