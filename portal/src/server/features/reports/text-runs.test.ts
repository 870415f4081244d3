import { describe, expect, it } from 'vitest';
import { runsOf, visualRuns } from './text-runs';
import { wrapText } from './text-wrap';

describe('font runs and direction', () => {
  it('keeps Latin text, accents included, in one Noto Sans run', () => {
    expect(runsOf('Société Générale Ølberg', false)).toEqual([
      { face: 'regular', text: 'Société Générale Ølberg', rtl: false },
    ]);
    expect(runsOf('Zoë', true)).toEqual([{ face: 'bold', text: 'Zoë', rtl: false }]);
  });

  it('composes an accent typed as a separate mark', () => {
    expect(runsOf('Rene\u0301e', false).map((r) => r.text)).toEqual(['Renée']);
  });

  it('gives Chinese and Arabic their fallback fonts, with the space inside an Arabic name', () => {
    expect(runsOf('深度求索 (DeepSeek)', false)).toEqual([
      { face: 'chinese', text: '深度求索', rtl: false },
      { face: 'regular', text: ' (DeepSeek)', rtl: false },
    ]);
    expect(runsOf('Contact: محمد العلي today', false)).toEqual([
      { face: 'regular', text: 'Contact: ', rtl: false },
      { face: 'arabic', text: 'محمد العلي', rtl: true },
      { face: 'regular', text: ' today', rtl: false },
    ]);
  });

  it('lays out a wholly right-to-left line from the right, and leaves an RTL run in place in LTR text', () => {
    const mixed = visualRuns('محمد العلي <m@example.com>', false).map((r) => r.text);
    expect(mixed).toEqual(['محمد العلي', ' <m@example.com>']);
    const rtl = visualRuns('محمد 12', false).map((r) => r.text);
    expect(rtl.at(0)).toBe(' 12');
    expect(rtl.at(-1)).toBe('محمد');
  });
});

describe('word wrap', () => {
  const measure = (text: string) => Array.from(text).length;

  it('fills lines word by word and keeps the line breaks of the text', () => {
    expect(wrapText('one two three four\nfive', 9, measure)).toEqual(['one two', 'three', 'four', 'five']);
  });

  it('breaks a word longer than a line between characters', () => {
    expect(wrapText('see https://example.com/long/path now', 10, measure)).toEqual([
      'see',
      'https://ex',
      'ample.com/',
      'long/path',
      'now',
    ]);
  });

  it('never gives a line wider than the limit', () => {
    const text = `${'a '.repeat(50)}${'x'.repeat(37)} 深度求索深度求索深度求索`;
    for (const line of wrapText(text, 8, measure)) expect(measure(line)).toBeLessThanOrEqual(8);
  });
});
