import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Text from people, vendors and policies reaches the staff app, the vendor page and the extension's
// pages and banner. It is only ever set as text (React children, textContent); nothing parses it as
// HTML. Biome refuses dangerouslySetInnerHTML; this test refuses the DOM's own HTML sinks, which no lint
// rule covers, anywhere in the product's source.
const root = resolve(import.meta.dirname, '../..');
const sources = ['portal/src', 'extension/src', 'shared/src'];
const sinks: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['iframe srcdoc', /\bsrcdoc\b/i],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
    return /\.(ts|tsx|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('HTML sinks', () => {
  it('appear nowhere in the portal, the extension or the shared code', () => {
    const found: string[] = [];
    const all = sources.flatMap((dir) => files(join(root, dir)));
    expect(all.length).toBeGreaterThan(100);
    for (const file of all) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [name, pattern] of sinks)
          if (pattern.test(line)) found.push(`${relative(root, file)}:${i + 1} ${name}`);
      });
    }
    expect(found).toEqual([]);
  });
});
