/**
 * Greedy word wrap with real font metrics: words go on a line while the line fits `maxWidth`; a word
 * wider than a whole line (a long URL, a hash, Chinese text without spaces) is broken between
 * characters. Line breaks in the text are kept.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const spaceWidth = measure(' ');
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w.length > 0)) {
      const wordWidth = measure(word);
      if (line && lineWidth + spaceWidth + wordWidth <= maxWidth) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = breakWord(word, maxWidth, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(word: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  // Character by character, adding widths (not re-measuring the piece, which made this quadratic).
  for (const char of word) {
    const charWidth = measure(char);
    if (piece && width + charWidth > maxWidth) {
      pieces.push(piece);
      piece = char;
      width = charWidth;
    } else {
      piece += char;
      width += charWidth;
    }
  }
  pieces.push(piece);
  return pieces;
}
