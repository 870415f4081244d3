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

  it('names the line of a rule the catalog refuses', () => {
    const { rules, errors } = linesToRules(
      'domain:chatgpt.com\ndomain:co.uk\nhost:localhost\npath:github.com/a b',
    );
    expect(rules).toEqual([{ kind: 'domain', value: 'chatgpt.com' }]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Line 2: a public suffix or a shared platform domain/);
    expect(errors[1]).toMatch(/^Line 3: a lower-case host name/);
    expect(errors[2]).toMatch(/^Line 4: a path starting with \//);
  });
});
