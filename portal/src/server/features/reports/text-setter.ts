import type { PDFFont, RGB } from 'pdf-lib';
import { glyphBytes, type PageCanvas } from './page-canvas';
import { type EmbeddedFonts, type FontFace, textWidth } from './report-fonts';
import { latinOnly, visualRuns } from './text-runs';
import { wrapText } from './text-wrap';

/**
 * Sets text in one document's fonts: measures it, wraps it, and writes it to a page as glyph ids,
 * each run in its face and in visual order. Widths and encodings are remembered per document.
 */
export class TextSetter {
  private readonly regularWidths = new Map<string, number>();
  private readonly boldWidths = new Map<string, number>();
  private readonly encoded = new Map<FontFace, Map<string, string>>();

  constructor(private readonly fonts: EmbeddedFonts) {}

  font(face: FontFace): PDFFont {
    return this.fonts[this.faceOf(face)]!;
  }

  /** The face itself when the document embedded it, else Noto Sans (which shows a missing glyph). */
  private faceOf(face: FontFace): FontFace {
    return this.fonts[face] ? face : 'regular';
  }

  /**
   * The glyph ids of a run in the document's subset, as the bytes of a PDF literal string (see
   * glyphBytes). Arabic runs go through pdf-lib's encoder whole (shaping joins letters); the other
   * faces map one character to one glyph, so each distinct character is encoded once per document
   * and a run is the concatenation.
   */
  private encode(face: FontFace, text: string): string {
    if (face === 'arabic') return this.encodeOnce(face, text);
    let bytes = '';
    for (const char of text) bytes += this.encodeOnce(face, char);
    return bytes;
  }

  private encodeOnce(face: FontFace, text: string): string {
    let byText = this.encoded.get(face);
    if (!byText) {
      byText = new Map();
      this.encoded.set(face, byText);
    }
    let glyphs = byText.get(text);
    if (glyphs === undefined) {
      glyphs = glyphBytes(this.font(face).encodeText(text).asString());
      byText.set(text, glyphs);
    }
    return glyphs;
  }

  /** Width of a line in points, summed over its font runs. */
  measure(text: string, size: number, bold = false): number {
    // Widths scale with the size, so one cache at size 1 per weight serves every size.
    const cache = bold ? this.boldWidths : this.regularWidths;
    let width = cache.get(text);
    if (width === undefined) {
      if (latinOnly.test(text)) width = textWidth(bold ? 'bold' : 'regular', text, 1);
      else {
        width = 0;
        for (const run of visualRuns(text, bold)) width += textWidth(this.faceOf(run.face), run.text, 1);
      }
      cache.set(text, width);
    }
    return width * size;
  }

  wrap(text: string, maxWidth: number, size: number, bold = false): string[] {
    return wrapText(text, maxWidth, (t) => this.measure(t, size, bold));
  }

  /** Draws one line with its baseline at `y`, each run in its font, in visual order. */
  drawLine(
    canvas: PageCanvas,
    text: string,
    x: number,
    y: number,
    size: number,
    bold: boolean,
    colour: RGB,
  ): void {
    const runs = visualRuns(text, bold);
    let cursor = x;
    for (const run of runs) {
      const face = this.faceOf(run.face);
      canvas.text(this.font(face), this.encode(face, run.text), cursor, y, size, colour);
      if (runs.length > 1) cursor += textWidth(face, run.text, size);
    }
  }
}
