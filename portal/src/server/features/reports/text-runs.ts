import { type FontFace, faceFor } from './report-fonts';

/** A stretch of text drawn with one font, in one direction. */
export type TextRun = { face: FontFace; text: string; rtl: boolean };

const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const strongChar = /[\p{L}\p{N}]/u;
const neutralChar = /\s/u;

/**
 * Splits a line into runs of one face each: Noto Sans (regular or bold) where it has the glyphs, the
 * Arabic or Chinese fallback for the characters it lacks. Spaces between two characters of the same
 * fallback stay in that run, so "محمد العلي" is shaped as one run.
 */
/** Text that Noto Sans draws alone, left to right: no fallback font, no direction to work out. */
export const latinOnly = /^[\u0020-\u024f]*$/u;

export function runsOf(text: string, bold: boolean): TextRun[] {
  // Most text is Latin: one run, no per-character work.
  if (latinOnly.test(text)) return [{ face: bold ? 'bold' : 'regular', text, rtl: false }];
  // Composed form: an accent typed as a separate mark becomes one glyph, drawn without GPOS.
  const chars = Array.from(text.normalize('NFC'));
  const faces: (FontFace | null)[] = chars.map((c) =>
    neutralChar.test(c) ? null : faceFor(c.codePointAt(0)!),
  );
  const base: FontFace = bold ? 'bold' : 'regular';
  const resolved = faces.map((face, i) => {
    if (face === 'regular') return base;
    if (face) return face;
    const before = faces.slice(0, i).findLast((f) => f !== null);
    const after = faces.slice(i + 1).find((f) => f !== null);
    return before && before === after && before !== 'regular' ? before : base;
  });
  const runs: TextRun[] = [];
  chars.forEach((char, i) => {
    const face = resolved[i]!;
    const last = runs.at(-1);
    if (last && last.face === face) last.text += char;
    else runs.push({ face, text: char, rtl: false });
  });
  for (const run of runs) run.rtl = rtlChar.test(run.text);
  return runs;
}

/**
 * The runs of one line in the order they are drawn, left to right. fontkit's layout already shapes
 * an Arabic run and returns its glyphs right to left; what is left is the order of the runs: a line
 * whose letters are all right-to-left (an Arabic name, perhaps with digits) is laid out from the
 * right, so its runs are reversed; in a line with any left-to-right letter (the report's own
 * language) an Arabic run stays where it falls. This covers
 * the simple cases (a name, an RTL run inside LTR text), not the full Unicode bidi algorithm.
 */
export function visualRuns(text: string, bold: boolean): TextRun[] {
  const runs = runsOf(text, bold);
  const strong = Array.from(text).filter((c) => strongChar.test(c));
  const whollyRtl = strong.length > 0 && strong.every((c) => rtlChar.test(c) || /\p{N}/u.test(c));
  return whollyRtl ? runs.reverse() : runs;
}
