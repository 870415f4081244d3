import { rgb } from 'pdf-lib';
import { colours, margin, type ReportDocument } from './report-document';

export type Bar = { label: string /** 0–100; null when nothing in it was scored. */; value: number | null };
export type BarBands = { medium: number; high: number; critical: number };

const barColour = (value: number, bands: BarBands) =>
  value >= bands.critical
    ? rgb(0.7, 0.13, 0.13)
    : value >= bands.high
      ? rgb(0.85, 0.42, 0.1)
      : value >= bands.medium
        ? rgb(0.88, 0.7, 0.15)
        : rgb(0.22, 0.6, 0.35);

/**
 * Horizontal bars on a 0–100 scale, drawn as vector rectangles (sharp at any zoom, a few bytes each),
 * coloured by the tier thresholds, with grid lines at the thresholds.
 */
export function drawBarChart(doc: ReportDocument, bars: readonly Bar[], bands: BarBands): void {
  const size = 8;
  const rowHeight = 15;
  const labelWidth = Math.min(200, doc.contentWidth * 0.38);
  const valueWidth = 34;
  const plotX = margin + labelWidth;
  const plotWidth = doc.contentWidth - labelWidth - valueWidth;
  const height = bars.length * rowHeight + 18;
  doc.ensure(height);
  const top = doc.y;
  const bottom = top - bars.length * rowHeight;
  for (const tick of [0, bands.medium, bands.high, bands.critical, 100]) {
    const x = plotX + (plotWidth * tick) / 100;
    doc.line(x, top, x, bottom, 0.4, colours.rule);
    const label = String(tick);
    doc.drawLine(label, x - doc.measure(label, 7) / 2, bottom - 9, { size: 7, colour: colours.muted });
  }
  bars.forEach((bar, i) => {
    const y = top - (i + 1) * rowHeight;
    doc.drawLine(doc.fit(bar.label, labelWidth - 8, size), margin, y + 4, { size });
    if (bar.value === null) {
      doc.drawLine('not scored', plotX + 4, y + 4, { size, colour: colours.muted });
      return;
    }
    const value = Math.max(0, Math.min(100, bar.value));
    doc.rect(plotX, y + 2, Math.max(0.5, (plotWidth * value) / 100), rowHeight - 5, barColour(value, bands));
    doc.drawLine(value.toFixed(0), plotX + plotWidth + 6, y + 4, { size });
  });
  doc.y = bottom - 18;
}
