import { parse } from 'tldts';

// Whole tokens (labels split on "-") that suggest an AI product: `my-ai-tool.com`, `chat.example.io`.
const aiTokens = new Set([
  'ai',
  'gpt',
  'llm',
  'llms',
  'chat',
  'chatbot',
  'genai',
  'agent',
  'agents',
  'copilot',
  'prompt',
  'prompts',
  'neural',
  'diffusion',
  'assistant',
]);

// Fragments specific enough to count inside a longer label: `chatgptfree`, `myllmhub`.
const aiFragments = ['gpt', 'llm', 'genai', 'copilot', 'diffusion'];

/**
 * A hint, not a verdict: true when a host that the catalog does not know looks like an AI service
 * (an `.ai` domain, or labels such as `gpt`, `llm`, `chat`). Used to report candidates for an admin
 * to classify; a candidate never triggers a warning.
 */
export function looksLikeAiHost(host: string): boolean {
  if (typeof host !== 'string' || host.length === 0 || host.length > 253) return false;
  const parsed = parse(host.toLowerCase(), { allowPrivateDomains: false });
  if (parsed.isIp === true || parsed.hostname === null || parsed.domain === null) return false;
  if (parsed.publicSuffix === 'ai') return true;
  const labels = [...(parsed.subdomain ?? '').split('.'), parsed.domainWithoutSuffix ?? ''];
  return labels.some(
    (label) =>
      label.split('-').some((token) => aiTokens.has(token)) ||
      aiFragments.some((fragment) => label.includes(fragment)),
  );
}
