import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvColumn, csvCell } from './csv-cell';
import { CSV_BOM, csvText } from './csv-text';

describe('a CSV cell', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+1', '+SUM(A1:A2)', '-2+3', '@cmd', '\tx', '\rx']) {
      expect(csvCell(formula)).toBe(`'${formula}`);
    }
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell(['=1+1', 'b'])).toBe("'=1+1; b");
  });

  it('keeps numbers numbers, negative ones too, and writes dates in UTC', () => {
    expect(csvCell(-2)).toBe(-2);
    expect(csvCell(0)).toBe(0);
    expect(csvCell(new Date('2026-12-06T19:28:23+01:00'))).toBe('2026-12-06T18:28:23.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
  });
});

describe('CSV text', () => {
  type Row = { name: string; n: number };
  const columns: CsvColumn<Row>[] = [
    { header: 'Name', value: (r) => r.name },
    { header: 'Count', value: (r) => r.n },
  ];
  const names = [
    'Comma, Inc.',
    'Say "hi"',
    'two\nlines',
    '深度求索',
    'محمد',
    '🤖 bots',
    '=1+1',
    '-2+3',
    '\rx',
  ];

  it('reads back as the same table, with CRLF line ends', () => {
    const text = csvText(
      columns,
      names.map((name, i) => ({ name, n: -i })),
      true,
    );
    expect(text.split('\r\n')[0]).toBe('Name,Count');
    expect(text).toContain('"Say ""hi"""');
    // A lone line break is quoted: strict readers (Excel, Python) would otherwise end the row there.
    expect(text).toContain('"two\nlines"');
    expect(text).toContain(`"'\rx"`);
    const parsed = parse(CSV_BOM + text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
    expect(parsed).toEqual([
      ['Name', 'Count'],
      ...names.map((name, i) => [/^[=+\-@\t\r]/.test(name) ? `'${name}` : name, String(-i)]),
    ]);
  });
});
