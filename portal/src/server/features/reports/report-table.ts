import { colours, margin, type ReportDocument } from './report-document';

export type TableColumn = {
  header: string /** Share of the content width; the shares sum to 1. */;
  share: number;
};

const padding = 3;

/**
 * A table that flows across pages: a row that does not fit goes whole to the next page, under a
 * repeated header row. Only a row taller than an entire page is split (it could not fit anywhere),
 * and its continuation is marked.
 */
export function drawTable(
  doc: ReportDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  size = 8,
): void {
  const widths = columns.map((c) => c.share * doc.contentWidth);
  const lineHeight = doc.lineHeight(size);
  const heightOf = (lines: string[][]) =>
    Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * padding;
  const wrapRow = (cells: readonly string[], bold = false) =>
    widths.map((w, i) => doc.wrap(cells[i] ?? '', w - 2 * padding, size, bold));

  const header = wrapRow(
    columns.map((c) => c.header),
    true,
  );
  const headerHeight = heightOf(header);
  const drawHeader = () => {
    drawRow(doc, widths, header, headerHeight, size, true);
  };

  doc.ensure(headerHeight + lineHeight + 2 * padding);
  drawHeader();
  for (const cells of rows) {
    let lines = wrapRow(cells);
    let height = heightOf(lines);
    if (doc.y - height < doc.bottom) {
      doc.newPage();
      drawHeader();
    }
    // A row taller than a whole page: draw what fits, carry the rest over.
    while (doc.y - height < doc.bottom) {
      const fitLines = Math.max(1, Math.floor((doc.y - doc.bottom - 2 * padding) / lineHeight));
      drawRow(
        doc,
        widths,
        lines.map((l) => l.slice(0, fitLines)),
        fitLines * lineHeight + 2 * padding,
        size,
      );
      lines = lines.map((l, i) => (i === 0 ? ['(continued)', ...l.slice(fitLines)] : l.slice(fitLines)));
      height = heightOf(lines);
      doc.newPage();
      drawHeader();
    }
    drawRow(doc, widths, lines, height, size);
  }
  doc.y -= 8;
}

function drawRow(
  doc: ReportDocument,
  widths: readonly number[],
  cells: readonly string[][],
  height: number,
  size: number,
  isHeader = false,
): void {
  const top = doc.y;
  if (isHeader) {
    doc.rect(margin, top - height, doc.contentWidth, height, colours.fill);
  }
  let x = margin;
  cells.forEach((lines, i) => {
    lines.forEach((line, n) => {
      const baseline = top - padding - (n + 1) * doc.lineHeight(size) + size * 0.35;
      doc.drawLine(line, x + padding, baseline, {
        size,
        bold: isHeader,
        colour: isHeader ? colours.muted : undefined,
      });
    });
    x += widths[i] ?? 0;
  });
  doc.line(margin, top - height, margin + doc.contentWidth, top - height, 0.4, colours.rule);
  doc.y = top - height;
}
