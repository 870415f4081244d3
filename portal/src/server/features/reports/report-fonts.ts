import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { patchSubsetter } from './subset-glyphs';

const require = createRequire(import.meta.url);

/** Noto Sans for Latin, Greek and Cyrillic; Noto Sans Arabic and SC only for what Noto Sans lacks. */
export type FontFace = 'regular' | 'bold' | 'arabic' | 'chinese';

const fontFiles: Record<FontFace, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  chinese: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

// Read once per process: the Chinese file alone is 10 MB, and only a document that needs it reads it.
const bytesCache = new Map<FontFace, Uint8Array>();
const parsedCache = new Map<FontFace, fontkit.Font>();

export function fontBytes(face: FontFace): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(require.resolve(fontFiles[face])));
    bytesCache.set(face, bytes);
  }
  return bytes;
}

/** A parsed font for coverage checks (which characters it has); parsed once per process. */
function parsedFont(face: FontFace): fontkit.Font {
  let font = parsedCache.get(face);
  if (!font) {
    font = fontkit.create(fontBytes(face) as Buffer);
    if (face === 'arabic') memoiseLayout(font as unknown as LayoutFont);
    else useDirectGlyphs(font as unknown as LayoutFont);
    parsedCache.set(face, font);
  }
  return font;
}

const coverage = new Map<number, FontFace>();

/**
 * The face that draws one code point: Noto Sans when it has the glyph, else the first fallback that
 * does, else Noto Sans (which shows its empty box, so a missing glyph is visible, not silently dropped).
 */
export function faceFor(codePoint: number): 'regular' | 'arabic' | 'chinese' {
  const known = coverage.get(codePoint);
  if (known) return known as 'regular' | 'arabic' | 'chinese';
  let face: 'regular' | 'arabic' | 'chinese' = 'regular';
  if (!parsedFont('regular').hasGlyphForCodePoint(codePoint)) {
    if (parsedFont('arabic').hasGlyphForCodePoint(codePoint)) face = 'arabic';
    else if (parsedFont('chinese').hasGlyphForCodePoint(codePoint)) face = 'chinese';
  }
  coverage.set(codePoint, face);
  return face;
}

/**
 * pdf-lib parses the font again for every document, and fontkit first copies the bytes (10 MB for
 * the Chinese face). The parsed font holds no per-document state (each document makes its own
 * subset), so every document shares the one parsed per process.
 */
const sharedFontkit = {
  create(bytes: Uint8Array) {
    for (const [face, cached] of bytesCache) if (cached === bytes) return parsedFont(face);
    return fontkit.create(bytes as Buffer);
  },
} as unknown as typeof fontkit;

/** Which faces a document needs: Noto Sans always, a fallback only when some text needs it. */
export function facesNeeded(texts: Iterable<string>): Set<FontFace> {
  const faces = new Set<FontFace>(['regular', 'bold']);
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code < 0x250) continue;
      faces.add(faceFor(code));
    }
  }
  return faces;
}

export type EmbeddedFonts = Partial<Record<FontFace, PDFFont>> & { regular: PDFFont; bold: PDFFont };

/**
 * Embeds the faces as subsets (only the glyphs drawn end up in the file). `texts` is every string
 * the document will draw, so a Latin-only report carries no Arabic or Chinese font at all.
 */
export async function embedFonts(doc: PDFDocument, texts: Iterable<string>): Promise<EmbeddedFonts> {
  patchSubsetter(parsedFont('regular').createSubset());
  doc.registerFontkit(sharedFontkit);
  const faces = facesNeeded(texts);
  const out: Partial<Record<FontFace, PDFFont>> = {};
  for (const face of faces) {
    const font = await doc.embedFont(fontBytes(face), { subset: true });
    serializeSynchronously(font);
    out[face] = font;
  }
  return out as EmbeddedFonts;
}

type Glyph = { id: number; advanceWidth: number };
type LayoutFont = {
  layout(text: string, features?: unknown): { glyphs: Glyph[] };
  glyphForCodePoint(codePoint: number): Glyph;
  unitsPerEm: number;
};

/**
 * Latin, Greek, Cyrillic and Chinese need no shaping: one character, one glyph. fontkit's full
 * OpenType layout (every GSUB and GPOS lookup, for kerning and ligatures) took over 90% of the time
 * to render a report, so these faces map characters straight to glyphs, for measuring and drawing
 * alike (widths and drawn text agree). The cost is kerning and ligatures, which a report can do
 * without; ligatures would also make copied text harder to search. Arabic keeps the full layout:
 * its letters change shape with their neighbours.
 */
function useDirectGlyphs(font: LayoutFont): void {
  const glyphs = new Map<number, Glyph>();
  font.layout = (text: string) => {
    const out: Glyph[] = [];
    for (const char of text) {
      const code = char.codePointAt(0)!;
      let glyph = glyphs.get(code);
      if (!glyph) {
        glyph = font.glyphForCodePoint(code);
        glyphs.set(code, glyph);
      }
      out.push(glyph);
    }
    return { glyphs: out };
  };
}

const MEMO_LIMIT = 5000;

/**
 * Arabic keeps fontkit's full layout (shaping), remembered per string: a report prints the same
 * names many times, and the shaped glyphs of a string do not depend on the document. pdf-lib reads
 * only the glyphs, so sharing them between documents is safe. Bounded, cleared when full.
 */
function memoiseLayout(font: LayoutFont): void {
  const layout = font.layout.bind(font);
  const memo = new Map<string, { glyphs: Glyph[] }>();
  font.layout = (text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features);
    let run = memo.get(text);
    if (!run) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      run = { glyphs: layout(text).glyphs };
      memo.set(text, run);
    }
    return run;
  };
}

/** The advance width of a run in points, as pdf-lib computes it (sum of glyph advances). */
export function textWidth(face: FontFace, text: string, size: number): number {
  const font = parsedFont(face) as unknown as LayoutFont;
  let units = 0;
  if (face === 'arabic') {
    for (const glyph of font.layout(text).glyphs) units += glyph.advanceWidth;
  } else {
    const advances = advanceCache(face);
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      let advance = advances.get(code);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(code).advanceWidth;
        advances.set(code, advance);
      }
      units += advance;
    }
  }
  return (units * size) / font.unitsPerEm;
}

const advanceCaches = new Map<FontFace, Map<number, number>>();
function advanceCache(face: FontFace): Map<number, number> {
  let cache = advanceCaches.get(face);
  if (!cache) {
    cache = new Map();
    advanceCaches.set(face, cache);
  }
  return cache;
}

type EncodeStream = { push(chunk: Uint8Array | null): boolean; flush(): void };
type SubsetWithEncoder = { encode(stream: EncodeStream): void; encodeStream(): EncodeStream };
let EncodeStreamClass: (new () => EncodeStream) | undefined;

/**
 * pdf-lib writes a subset through fontkit's encodeStream, which starts on a browser-style
 * nextTick and emits its data on later ones; in this bundle each tick is a setTimeout, at least
 * 1 ms in Node, and a report with four fonts spent about 6 ms of every render waiting on them.
 * The same encoder writes into a stream whose chunks are collected as they are pushed, with no
 * ticks. The stream class is taken once from a throwaway subset (encoding .notdef alone).
 */
function serializeSynchronously(pdfFont: PDFFont): void {
  const embedder = (
    pdfFont as unknown as { embedder: { subset: SubsetWithEncoder; serializeFont(): Promise<Uint8Array> } }
  ).embedder;
  EncodeStreamClass ??= (parsedFont('regular').createSubset() as unknown as SubsetWithEncoder).encodeStream()
    .constructor as new () => EncodeStream;
  const StreamClass = EncodeStreamClass;
  embedder.serializeFont = async () => {
    const chunks: Uint8Array[] = [];
    const stream = new StreamClass();
    stream.push = (chunk) => {
      if (chunk) chunks.push(chunk);
      return true;
    };
    embedder.subset.encode(stream);
    stream.flush();
    const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  };
}
