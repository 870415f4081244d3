import { describe, expect, it } from 'vitest';
import { linesToRules, rulesToLines } from './rule-lines';

describe('rule lines', () => {
  it('round-trips every rule kind and keeps the path case', () => {
    const text =
      'domain:chatgpt.com\nhost:chat.mistral.ai\npath:github.com/Copilot\napi:api.openai.com\napi-suffix:openai.azure.com';
    const { rules, errors } = linesToRules(text);
    expect(errors).toEqual([]);
    expect(rules[2]).toEqual({ kind: 'path', host: 'github.com', pathPrefix: '/Copilot' });
    expect(rulesToLines(rules)).toBe(text);
  });

  it('names the line of each mistake and skips blank lines', () => {
    const { rules, errors } = linesToRules('\nregex:.*\ndomain:\npath:nohost\nDOMAIN:Example.COM');
    expect(errors).toEqual([
      'Line 2: unknown kind "regex" (domain, host, path, api, api-suffix)',
      'Line 3: write kind:value, e.g. domain:example.com',
      'Line 4: a path rule is host/path, e.g. path:github.com/copilot',
      'Line 5: unknown kind "DOMAIN" (domain, host, path, api, api-suffix)',
    ]);
    expect(rules).toEqual([]);
  });
});
