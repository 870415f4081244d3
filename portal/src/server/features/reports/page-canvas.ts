import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

const n = (value: number) => (Math.round(value * 100) / 100).toString();
const colour = (c: RGB, op: 'rg' | 'RG') => `${n(c.red)} ${n(c.green)} ${n(c.blue)} ${op}`;

const escapes: Record<number, string> = { 40: '\\(', 41: '\\)', 92: '\\\\', 10: '\\n', 13: '\\r' };

/**
 * pdf-lib's hex glyph ids (four hex digits a glyph) as the body of a PDF literal string: two bytes a
 * glyph, one character per byte (written out as latin1), with the bytes that mean something inside a
 * literal string escaped. Half the size of hex, so pages compress faster.
 */
export function glyphBytes(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const byte = Number.parseInt(hex.slice(i, i + 2), 16);
    out += escapes[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

/**
 * One page's drawing as raw PDF content operators, written to a single compressed stream at the
 * end. pdf-lib's drawText builds an object per operator and deflates with a JavaScript zlib; for a
 * report of thousands of text runs that was most of the time left after fonts, so the report writes
 * the handful of operators it needs (text, filled rectangle, line) itself and deflates with Node's.
 */
export class PageCanvas {
  private readonly ops: string[] = [];
  private readonly fontKeys = new Map<PDFFont, string>();
  // Font, size and colours are graphics state, which BT/ET keep: set them only when they change.
  private font = '';
  private fill = '';
  private stroke = '';

  constructor(readonly page: PDFPage) {}

  /** `glyphs`: the glyph ids as the body of a literal string, one character per byte (glyphBytes). */
  text(font: PDFFont, glyphs: string, x: number, y: number, size: number, fill: RGB): void {
    const fontOp = `/${this.fontKey(font)} ${n(size)} Tf`;
    const setFont = fontOp === this.font ? '' : `${fontOp} `;
    this.font = fontOp;
    this.ops.push(`BT ${setFont}${this.setFill(fill)}${n(x)} ${n(y)} Td (${glyphs}) Tj ET`);
  }

  rect(x: number, y: number, width: number, height: number, fill: RGB): void {
    this.ops.push(`${this.setFill(fill)}${n(x)} ${n(y)} ${n(width)} ${n(height)} re f`);
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, stroke: RGB): void {
    const strokeOp = `${n(thickness)} w ${colour(stroke, 'RG')}`;
    this.ops.push(
      `${strokeOp === this.stroke ? '' : `${strokeOp} `}${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`,
    );
    this.stroke = strokeOp;
  }

  /** The fill colour operator followed by a space, or nothing when it is already set. */
  private setFill(fill: RGB): string {
    const op = colour(fill, 'rg');
    if (op === this.fill) return '';
    this.fill = op;
    return `${op} `;
  }

  /** Writes the operators as the page's content stream. */
  finish(doc: PDFDocument): void {
    const bytes = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'), { level: 1 });
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

/**
 * pdf-lib deflates embedded font files with a JavaScript zlib; Node's native one gives the same
 * format in a fraction of the time. Only this document's context is changed.
 */
export function compressWithNodeZlib(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(
      deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents, { level: 1 }),
      {
        ...dict,
        Filter: 'FlateDecode',
      },
    );
}
