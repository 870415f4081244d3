import { describe, expect, it } from 'vitest';
import { looksLikeAiHost } from './ai-host-heuristic';

describe('looksLikeAiHost', () => {
  it.each([
    'newtool.ai',
    'app.newtool.ai',
    'chatgptfree.example',
    'my-ai-notes.com',
    'chat.acme-support.io',
    'llmhub.dev',
    'gpt4o-mirror.net',
    'best-copilot.app',
  ])('flags %s as a candidate', (host) => {
    expect(looksLikeAiHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'mail.google.com',
    'shanghai.gov.cn',
    'thai-food.example',
    'maine.gov',
    '10.0.0.1',
    'localhost',
    '',
    'ai',
  ])('does not flag %s', (host) => {
    expect(looksLikeAiHost(host)).toBe(false);
  });
});
