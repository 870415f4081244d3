import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

const n = (value: number) => (Math.round(value * 100) / 100).toString();
const colour = (c: RGB, op: 'rg' | 'RG') => `${n(c.red)} ${n(c.green)} ${n(c.blue)} ${op}`;

/**
 * One page's drawing as raw PDF content operators, written to a single compressed stream at the
 * end. pdf-lib's drawText builds an object per operator and deflates with a JavaScript zlib; for a
 * report of thousands of text runs that was most of the time left after fonts, so the report writes
 * the handful of operators it needs (text, filled rectangle, line) itself and deflates with Node's.
 */
export class PageCanvas {
  private readonly ops: string[] = [];
  private readonly fontKeys = new Map<PDFFont, string>();

  constructor(readonly page: PDFPage) {}

  /** `glyphs`: the font's encoding of the text (hex glyph ids, from PDFFont.encodeText). */
  text(font: PDFFont, glyphs: string, x: number, y: number, size: number, fill: RGB): void {
    this.ops.push(
      `BT /${this.fontKey(font)} ${n(size)} Tf ${colour(fill, 'rg')} ${n(x)} ${n(y)} Td <${glyphs}> Tj ET`,
    );
  }

  rect(x: number, y: number, width: number, height: number, fill: RGB): void {
    this.ops.push(`${colour(fill, 'rg')} ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f`);
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, stroke: RGB): void {
    this.ops.push(`${n(thickness)} w ${colour(stroke, 'RG')} ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`);
  }

  /** Writes the operators as the page's content stream. */
  finish(doc: PDFDocument): void {
    const bytes = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'), { level: 3 });
    const stream = doc.context.stream(bytes, { Filter: 'FlateDecode' });
    this.page.node.addContentStream(doc.context.register(stream));
  }

  private fontKey(font: PDFFont): string {
    let key = this.fontKeys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.name, font.ref).asString().slice(1);
      this.fontKeys.set(font, key);
    }
    return key;
  }
}
