import { readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Bytes of every file under a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? folderBytes(path) : stat.size;
  }
  return total;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script></head>
<body><h1>Quarterly report</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. </p>'.repeat(200)}
<img src="/pixel.svg" alt=""><img src="/pixel.svg?2" alt=""></body></html>`;
const ASSETS: Record<string, [string, string]> = {
  '/style.css': ['text/css', 'body{font-family:sans-serif;max-width:60em;margin:auto} p{line-height:1.5}'],
  '/app.js': ['text/javascript', 'document.title += " (ready)";'],
  '/pixel.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'],
};

/**
 * A plain, non-AI page with a few sub-resources on loopback, never cached. `latencyMs` delays every
 * response, as a server across a network would.
 */
export async function startPlainSite({ latencyMs = 0 } = {}): Promise<{
  url: string;
  close: () => Promise<void>;
}> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const asset = ASSETS[path];
    const answer = () => {
      res.writeHead(200, {
        'content-type': asset ? asset[0] : 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(asset ? asset[1] : PAGE);
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/report`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
