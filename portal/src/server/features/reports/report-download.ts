import { attachmentDisposition } from '../../content-disposition';

/** Latin letters that do not decompose into a base letter and an accent. */
const unaccented: Record<string, string> = {
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Þ: 'Th',
  þ: 'th',
};

/**
 * A file name from its parts: the Unicode name for `filename*` (RFC 5987), and an ASCII one for
 * clients that read only `filename` (accents dropped, other characters replaced by hyphens).
 */
export function pdfFileNames(parts: readonly (string | null | undefined)[]): {
  unicode: string;
  ascii: string;
} {
  const words = parts.filter((p): p is string => Boolean(p?.trim()));
  const unicode = `${words.map((w) => w.trim().replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')).join(' - ')}.pdf`;
  const ascii = `${
    words
      .map((w) =>
        w
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .replace(/[ØøÆæŒœßŁłĐđÞþ]/g, (c) => unaccented[c] ?? c)
          .replace(/[^A-Za-z0-9._-]+/g, '-')
          .replace(/^-+|-+$/g, ''),
      )
      .filter(Boolean)
      .join('_') || 'report'
  }.pdf`;
  return { unicode, ascii };
}

/** The PDF as a download, never cached by shared caches. */
export function pdfResponse(bytes: Uint8Array, parts: readonly (string | null | undefined)[]): Response {
  const { unicode, ascii } = pdfFileNames(parts);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'content-disposition': attachmentDisposition(unicode, ascii),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
