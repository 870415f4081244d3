/**
 * Two changes to fontkit 1.1.1's TrueType subsetter (the class behind `font.createSubset()`), made
 * once per process on its prototype:
 *
 * 1. Padding. It copies each glyph's bytes as they are, then writes a short `loca` table (offsets
 *    stored halved) when the subset is small. Noto Sans stores many glyphs with an odd length, so
 *    every glyph after the first odd one pointed half a byte off and rendered as nothing (pdf-lib
 *    issue 1232). Each glyph is padded to an even length; the padding byte sits after the glyph's
 *    data, where no reader looks.
 * 2. Caching. For every glyph of every document it decoded the whole outline only to learn whether
 *    the glyph is composite. What it needs (the bytes, the component positions, the metrics) depends
 *    only on the font and the glyph, so it is kept per parsed font, which lives for the process.
 *
 * The fonts here are static (no variation axes), the one case the original handled differently.
 */
type FontBuffer = Uint8Array & { writeUInt16BE(value: number, offset: number): number };
type BufferClass = { alloc(size: number): FontBuffer };

type GlyphFacts = {
  bytes: FontBuffer;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
};

type SubsetFont = {
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): FontBuffer };
  _variationProcessor?: unknown;
};

type Subset = {
  font: SubsetFont;
  glyf: FontBuffer[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
};

const factsByFont = new WeakMap<SubsetFont, Map<number, GlyphFacts>>();

function glyphFacts(font: SubsetFont, gid: number): GlyphFacts {
  let byGlyph = factsByFont.get(font);
  if (!byGlyph) {
    byGlyph = new Map();
    factsByFont.set(font, byGlyph);
  }
  let facts = byGlyph.get(gid);
  if (!facts) {
    const glyph = font.getGlyph(gid);
    const decoded = glyph._decode();
    const start = font.loca.offsets[gid]!;
    const length = font.loca.offsets[gid + 1]! - start;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const raw = stream.readBuffer(length);
    const bytes = (raw.constructor as unknown as BufferClass).alloc(length + (length % 2));
    bytes.set(raw);
    facts = {
      bytes,
      components: decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []) : null,
      advance: glyph.advanceWidth,
      bearing: glyph._getMetrics().leftBearing,
    };
    byGlyph.set(gid, facts);
  }
  return facts;
}

let patched = false;

export function patchSubsetter(sample: object): void {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(sample) as Subset;
  const original = proto._addGlyph;
  proto._addGlyph = function (this: Subset, gid: number) {
    if (this.font._variationProcessor) return original.call(this, gid);
    const facts = glyphFacts(this.font, gid);
    let bytes = facts.bytes;
    if (facts.components) {
      // A composite names its parts by glyph id: renumber them into this subset, on a copy.
      bytes = (bytes.constructor as unknown as BufferClass).alloc(bytes.length);
      bytes.set(facts.bytes);
      for (const component of facts.components) {
        bytes.writeUInt16BE(this.includeGlyph(component.glyphID), component.pos);
      }
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: facts.advance, bearing: facts.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
