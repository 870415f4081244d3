import { describe, expect, it } from 'vitest';
import { glyphBytes } from './page-canvas';

describe('glyph ids in a literal string', () => {
  it('writes two bytes a glyph and escapes what a literal string would read otherwise', () => {
    expect(glyphBytes('00410042')).toBe('\u0000A\u0000B');
    // ( ) \ LF CR: parentheses and backslash end or escape the string; a raw line end reads as LF.
    expect(glyphBytes('0028002900 5c000a000d'.replace(' ', ''))).toBe(
      '\u0000\\(\u0000\\)\u0000\\\\\u0000\\n\u0000\\r',
    );
    expect(glyphBytes('2829')).toBe('\\(\\)');
  });
});
