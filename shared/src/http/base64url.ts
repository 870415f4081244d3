/**
 * base64url (RFC 4648 §5, no padding) of ASCII text. shared/ runs where neither Buffer nor btoa is
 * declared, and cursors only ever hold ASCII (their JSON escapes the rest), so this small codec is
 * all they need.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function toBase64Url(ascii: string): string {
  let out = '';
  for (let i = 0; i < ascii.length; i += 3) {
    const left = ascii.length - i;
    const n =
      ((ascii.charCodeAt(i) & 0xff) << 16) |
      (left > 1 ? (ascii.charCodeAt(i + 1) & 0xff) << 8 : 0) |
      (left > 2 ? ascii.charCodeAt(i + 2) & 0xff : 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (left > 1) out += ALPHABET[(n >> 6) & 63]!;
    if (left > 2) out += ALPHABET[n & 63]!;
  }
  return out;
}

/** The ASCII text, or undefined for anything that is not base64url of ASCII. */
export function fromBase64Url(text: string): string | undefined {
  if (text.length % 4 === 1) return undefined;
  let buffer = 0;
  let bits = 0;
  let out = '';
  for (const ch of text) {
    const value = VALUE_OF.get(ch);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const code = (buffer >> bits) & 0xff;
      if (code > 0x7f) return undefined;
      out += String.fromCharCode(code);
    }
  }
  return out;
}
