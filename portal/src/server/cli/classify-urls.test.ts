import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./classify-urls.ts', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function runCli(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each test starts the CLI as a process (tsx compiles it first): seconds on a busy machine, not the default 5.
describe('classify CLI', { timeout: 60_000 }, () => {
  it('writes one JSON object per input line, in order, with error only for unparsable input', async () => {
    const input = [
      'https://chatgpt.com/c/1',
      '',
      'not a url',
      'https://github.com/copilot?x=1',
      'ftp://chatgpt.com/',
      'https://example.com/',
      'https://contoso.openai.azure.com/openai/deployments/x\r',
      'http://127.0.0.1/',
    ].join('\n');
    const { code, stdout, stderr } = await runCli([], input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => row.url)).toEqual([
      'https://chatgpt.com/c/1',
      '',
      'not a url',
      'https://github.com/copilot?x=1',
      'ftp://chatgpt.com/',
      'https://example.com/',
      'https://contoso.openai.azure.com/openai/deployments/x',
      'http://127.0.0.1/',
    ]);
    expect(rows[0]).toEqual({
      url: 'https://chatgpt.com/c/1',
      serviceId: 'openai-chatgpt',
      serviceName: 'ChatGPT',
      vendor: 'OpenAI',
      category: 'conversational',
      matchedRule: 'domain:chatgpt.com',
      matchKind: 'site',
    });
    expect(rows.map((row) => row.serviceId)).toEqual([
      'openai-chatgpt',
      null,
      null,
      'github-copilot',
      null,
      null,
      'azure-openai',
      null,
    ]);
    expect(rows.map((row) => row.matchKind)).toEqual(['site', null, null, 'path', null, null, 'api', null]);
    expect(rows.map((row) => 'error' in row)).toEqual([false, true, true, false, false, false, false, false]);
    expect(rows[5]).toEqual({
      url: 'https://example.com/',
      serviceId: null,
      serviceName: null,
      vendor: null,
      category: null,
      matchedRule: null,
      matchKind: null,
    });
  });

  it('keeps order across many batches', async () => {
    const urls = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 === 0 ? `https://chatgpt.com/c/${i}` : `https://n${i}.example/`,
    );
    const { stdout } = await runCli([], `${urls.join('\n')}\n`);
    const rows = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { url: string; serviceId: string | null });
    expect(rows.map((row) => row.url)).toEqual(urls);
    expect(rows.filter((row) => row.serviceId === 'openai-chatgpt')).toHaveLength(10_000);
  });

  it('prints catalog counts with --stats', async () => {
    const { stdout } = await runCli(['--stats'], '');
    const stats = JSON.parse(stdout) as { services: number; rules: number; categories: number };
    expect(stats.services).toBeGreaterThanOrEqual(400);
    expect(stats.rules).toBeGreaterThan(stats.services);
    expect(stats.categories).toBe(17);
  });
});
