import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SeenRequest = { host: string; path: string; method: string; at: number };

/** Hosts the fake server answers for; the browser reaches them through --host-resolver-rules. */
export const fakeHosts = [
  'chatgpt.com',
  'claude.ai',
  'perplexity.ai',
  'chat.mistral.ai',
  'chat.deepseek.com',
  'api.openai.com',
  'shop.example',
  'intranet.example',
  'newthing.ai',
  'zapier.com',
  // An in-house AI tool the org adds to its catalog (not a built-in entry).
  'llm-sandbox.acme.test',
] as const;

export type FakeSites = {
  port: number;
  url: (host: string, path?: string) => string;
  requests: SeenRequest[];
  seen: (host: string) => SeenRequest[];
  resolverRules: string;
  close: () => Promise<void>;
};

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function aiPage(host: string): string {
  // An AI chat look-alike: a signed-in email in the account menu, a prompt box, a file input.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake ${host}</title>
<style>body{font-family:sans-serif} .banner{display:none}</style></head><body>
<header><div class="account-menu" data-testid="account-button">ada@example.com</div></header>
<main><h1>Fake AI service at ${host}</h1>
<textarea id="prompt-textarea" aria-label="Prompt"></textarea>
<input type="file" id="upload" aria-label="Upload" multiple>
<button id="route" type="button">Open a chat</button></main>
<script src="/app.js"></script></body></html>`;
}

// The button is a single-page-app route change: to ?to=<path> if given, else a new chat.
const APP_JS = `document.getElementById('route').addEventListener('click', () => history.pushState({}, '', new URLSearchParams(location.search).get('to') ?? '/c/' + Date.now()));`;

function plainPage(host: string, callApi: string | null, port: number): string {
  const script = callApi
    ? `<script src="/call-api.js?target=${encodeURIComponent(`http://${callApi}:${port}/v1/chat/completions`)}"></script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${host}</title></head><body>
<h1>Plain page on ${host}</h1><p>Nothing to do with AI.</p><form><input name="q" value="secret query"></form>${script}</body></html>`;
}

const CALL_API_JS = `const target = new URL(document.currentScript.src).searchParams.get('target');
window.apiCalls = Promise.all([1, 2, 3].map(() => fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'customer record 42' }).then((r) => r.status).catch((e) => String(e))));`;

/**
 * One loopback HTTP server playing every fake site by Host header, recording each request it gets
 * (so a test can prove a blocked site was never contacted).
 */
export async function startFakeSites(): Promise<FakeSites> {
  const requests: SeenRequest[] = [];
  let port = 0;
  const handler: RequestListener = (req, res) => {
    const host = hostOf(req);
    const url = new URL(req.url ?? '/', `http://${host}`);
    requests.push({ host, path: url.pathname, method: req.method ?? 'GET', at: Date.now() });
    const headers = {
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers).end();
      return;
    }
    if (host === 'api.openai.com') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404, headers).end();
      return;
    }
    if (url.pathname === '/app.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(APP_JS);
      return;
    }
    if (url.pathname === '/call-api.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(CALL_API_JS);
      return;
    }
    const html = host.endsWith('.example')
      ? plainPage(host, url.searchParams.get('api'), port)
      : aiPage(host);
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
  };
  // Several real AI hosts are on the browser's HSTS preload list, so http:// is upgraded to https://
  // on the same port: one port speaks both, by peeking at the first byte (0x16 starts a TLS handshake).
  // The browser is started with --ignore-certificate-errors for the self-signed certificate.
  const http = createServer(handler);
  const https = createHttpsServer(selfSignedCertificate(), handler);
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const httpsPort = (https.address() as AddressInfo).port;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      if (first[0] === 0x16) {
        // TLS: relay the raw bytes to the HTTPS listener.
        const upstream = connect(httpsPort, '127.0.0.1', () => {
          upstream.write(first);
          socket.pipe(upstream).pipe(socket);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('close', () => upstream.destroy());
        return;
      }
      socket.pause();
      socket.unshift(first);
      http.emit('connection', socket);
      socket.resume();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (host, path = '/') => `http://${host}:${port}${path}`,
    requests,
    seen: (host) => requests.filter((r) => r.host === host),
    resolverRules: fakeHosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', '),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      http.closeAllConnections();
      https.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => https.close(() => resolve()));
    },
  };
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sl-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=sightline-fake-sites',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
