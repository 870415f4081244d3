/**
 * `Content-Disposition: attachment` for a download (RFC 6266), in the two forms browsers read: a quoted
 * ASCII `filename` for old clients, and `filename*` (RFC 8187) with the name as UTF-8 percent-encoded.
 * Neither can break out of the header: the ASCII form holds no quote, backslash or control character,
 * and the encoded form holds only RFC 8187's attr-chars (encodeURIComponent leaves ' ( ) * as they are).
 */
export function attachmentDisposition(fileName: string, asciiFileName = asciiFallback(fileName)): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback(asciiFileName)}"; filename*=UTF-8''${encoded}`;
}

/** Printable ASCII without quotes or backslashes; anything else becomes "_". */
export function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
