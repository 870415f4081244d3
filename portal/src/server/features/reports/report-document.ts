import { PDFDocument, type RGB, rgb } from 'pdf-lib';
import { compressWithNodeZlib, PageCanvas } from './page-canvas';
import { embedFonts } from './report-fonts';
import { TextSetter } from './text-setter';

export const colours = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  rule: rgb(0.8, 0.82, 0.86),
  fill: rgb(0.94, 0.95, 0.97),
  accent: rgb(0.12, 0.33, 0.6),
};

export type TextStyle = { size?: number; bold?: boolean; colour?: RGB };

export type ReportDocumentOptions = {
  /** Shown at the top of every page, e.g. "Organisation · Vendor · Service". */
  runningHeader: string;
  /** Shown at the bottom left of every page, e.g. the short digest. */
  runningFooter: string;
  title: string;
  landscape?: boolean;
};

const A4: [number, number] = [595.28, 841.89];
export const margin = 48;
const headerBand = 28;
const footerBand = 30;

/**
 * A flowing document: a cursor moves down the page and a new page starts when something does not
 * fit. Running header, footer and "Page n of N" are stamped at the end, when N is known.
 */
export class ReportDocument {
  /** The page being drawn on. */
  canvas!: PageCanvas;
  private readonly canvases: PageCanvas[] = [];
  /** The baseline cursor: the top of the next thing drawn. */
  y = 0;
  readonly width: number;
  readonly height: number;

  private constructor(
    readonly doc: PDFDocument,
    private readonly setter: TextSetter,
    private readonly options: ReportDocumentOptions,
  ) {
    [this.width, this.height] = options.landscape ? [A4[1], A4[0]] : A4;
    this.newPage();
  }

  /** `texts`: every string the document will draw, to embed only the fonts it needs. */
  static async create(options: ReportDocumentOptions, texts: Iterable<string>): Promise<ReportDocument> {
    const doc = await PDFDocument.create();
    compressWithNodeZlib(doc);
    doc.setTitle(options.title);
    doc.setProducer('Sightline');
    doc.setCreator('Sightline');
    const fonts = await embedFonts(doc, [
      options.runningHeader,
      options.runningFooter,
      options.title,
      ...texts,
    ]);
    return new ReportDocument(doc, new TextSetter(fonts), options);
  }

  get contentWidth(): number {
    return this.width - 2 * margin;
  }
  get top(): number {
    return this.height - margin - headerBand + 10;
  }
  get bottom(): number {
    return margin + footerBand - 10;
  }

  newPage(): void {
    this.canvas = new PageCanvas(this.doc.addPage([this.width, this.height]));
    this.canvases.push(this.canvas);
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin; true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.bottom) return false;
    this.newPage();
    return true;
  }

  /** Width of a line in points. */
  measure(text: string, size: number, bold = false): number {
    return this.setter.measure(text, size, bold);
  }

  wrap(text: string, maxWidth: number, size: number, bold = false): string[] {
    return this.setter.wrap(text, maxWidth, size, bold);
  }

  /** Draws one line with its baseline at `y`. */
  drawLine(text: string, x: number, y: number, style: TextStyle = {}, canvas = this.canvas): void {
    this.setter.drawLine(
      canvas,
      text,
      x,
      y,
      style.size ?? 10,
      style.bold ?? false,
      style.colour ?? colours.text,
    );
  }

  lineHeight(size: number): number {
    return size * 1.35;
  }

  rect(x: number, y: number, width: number, height: number, fill: RGB): void {
    this.canvas.rect(x, y, width, height, fill);
  }

  line(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    thickness: number,
    stroke: RGB,
    canvas = this.canvas,
  ): void {
    canvas.line(x1, y1, x2, y2, thickness, stroke);
  }

  /** Wrapped text at the cursor, flowing onto new pages line by line. */
  paragraph(text: string, style: TextStyle & { indent?: number; gapAfter?: number } = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const lineHeight = this.lineHeight(size);
    for (const line of this.wrap(text, this.contentWidth - indent, size, style.bold)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.drawLine(line, margin + indent, this.y + size * 0.3, style);
    }
    this.y -= style.gapAfter ?? 4;
  }

  /**
   * Several wrapped paragraphs kept on one page when they fit on one (a question with its answer and
   * notes); a block longer than a page flows like ordinary paragraphs.
   */
  block(parts: readonly (TextStyle & { text: string; indent?: number })[]): void {
    const wrapped = parts.map((part) => {
      const size = part.size ?? 10;
      const indent = part.indent ?? 0;
      return { part, size, indent, lines: this.wrap(part.text, this.contentWidth - indent, size, part.bold) };
    });
    const height = wrapped.reduce((sum, w) => sum + w.lines.length * this.lineHeight(w.size) + 2, 6);
    if (height <= this.top - this.bottom) this.ensure(height);
    for (const { part, size, indent, lines } of wrapped) {
      for (const line of lines) {
        this.ensure(this.lineHeight(size));
        this.y -= this.lineHeight(size);
        this.drawLine(line, margin + indent, this.y + size * 0.3, part);
      }
      this.y -= 2;
    }
    this.y -= 6;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 15 : 12;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(this.lineHeight(size) + 60);
    this.y -= level === 1 ? 10 : 6;
    this.paragraph(text, {
      size,
      bold: true,
      colour: level === 1 ? colours.accent : colours.text,
      gapAfter: 4,
    });
  }

  /** Label–value pairs in two columns; values wrap. */
  keyValues(rows: readonly (readonly [string, string])[], labelWidth = 140): void {
    const size = 9.5;
    const lineHeight = this.lineHeight(size);
    for (const [label, value] of rows) {
      const lines = this.wrap(value || '—', this.contentWidth - labelWidth, size);
      this.ensure(lineHeight * Math.min(lines.length, 3));
      lines.forEach((line, i) => {
        if (i > 0) this.ensure(lineHeight);
        this.y -= lineHeight;
        if (i === 0)
          this.drawLine(label, margin, this.y + size * 0.3, { size, bold: true, colour: colours.muted });
        this.drawLine(line, margin + labelWidth, this.y + size * 0.3, { size });
      });
      this.y -= 2;
    }
    this.y -= 4;
  }

  spacer(height: number): void {
    this.y -= height;
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.line(margin, this.y, this.width - margin, this.y, 0.5, colours.rule);
    this.y -= 4;
  }

  /** Stamps the running header and footer with page numbers, then serialises the PDF. */
  async save(): Promise<Uint8Array> {
    const pages = this.canvases;
    const size = 7.5;
    pages.forEach((page, i) => {
      const headerY = this.height - margin + 6;
      const header = this.fit(this.options.runningHeader, this.contentWidth, size);
      this.drawLine(header, margin, headerY, { size, colour: colours.muted }, page);
      this.line(margin, headerY - 5, this.width - margin, headerY - 5, 0.4, colours.rule, page);
      const footerY = margin - 14;
      const pageLabel = `Page ${i + 1} of ${pages.length}`;
      const labelWidth = this.measure(pageLabel, size);
      this.drawLine(
        pageLabel,
        this.width - margin - labelWidth,
        footerY,
        { size, colour: colours.muted },
        page,
      );
      const footer = this.fit(this.options.runningFooter, this.contentWidth - labelWidth - 20, size);
      this.drawLine(footer, margin, footerY, { size, colour: colours.muted }, page);
      page.finish(this.doc);
    });
    return this.doc.save({
      // Object streams would be deflated by pdf-lib's JavaScript zlib; a few KB more is cheaper.
      useObjectStreams: false,
      // pdf-lib yields a timer tick (at least 1 ms in Node) every 50 objects; a report has a few
      // hundred small objects and serialises in a couple of milliseconds, so it does not yield.
      objectsPerTick: Number.POSITIVE_INFINITY,
      // The report has no form; the default would add an empty AcroForm to update.
      updateFieldAppearances: false,
    });
  }

  /** The text cut with an ellipsis to fit one line. */
  fit(text: string, maxWidth: number, size: number, bold = false): string {
    if (this.measure(text, size, bold) <= maxWidth) return text;
    const chars = Array.from(text);
    while (chars.length > 0 && this.measure(`${chars.join('')}…`, size, bold) > maxWidth) chars.pop();
    return `${chars.join('')}…`;
  }
}
