import { describe, expect, it } from 'vitest';
import { builtInCatalog } from './catalog';
import { classifyHost, classifyUrl } from './classify-url';
import { compileCatalog } from './compile-catalog';

const compiled = compileCatalog(builtInCatalog);
const idOf = (url: string) => classifyUrl(compiled, url).serviceId;
const reasonOf = (url: string) => {
  const result = classifyUrl(compiled, url);
  return result.serviceId === null ? result.reason : 'matched';
};

describe('classifyUrl on real services', () => {
  it.each([
    ['https://chatgpt.com/c/6812', 'openai-chatgpt'],
    ['https://chat.openai.com/', 'openai-chatgpt'],
    ['https://claude.ai/new', 'anthropic-claude'],
    ['https://gemini.google.com/app', 'google-gemini'],
    ['https://copilot.microsoft.com/', 'microsoft-copilot'],
    ['https://www.perplexity.ai/search/abc', 'perplexity'],
    ['https://poe.com/ChatGPT', 'quora-poe'],
    ['https://character.ai/chat/x', 'character-ai'],
    ['https://beta.character.ai/', 'character-ai'],
    ['https://huggingface.co/meta-llama', 'huggingface'],
    ['https://www.midjourney.com/imagine', 'midjourney'],
    ['https://chat.mistral.ai/chat', 'mistral-le-chat'],
    ['https://chat.deepseek.com/', 'deepseek-chat'],
    ['https://www.kimi.com/', 'moonshot-kimi'],
    ['https://www.doubao.com/chat/', 'bytedance-doubao'],
    ['https://chat.qwen.ai/', 'alibaba-qwen'],
    ['https://yiyan.baidu.com/', 'baidu-ernie'],
    ['https://chatglm.cn/main', 'zhipu-chatglm'],
    ['https://hailuoai.video/', 'minimax-hailuo'],
    ['https://giga.chat/', 'sber-gigachat'],
    ['https://alice.yandex.ru/', 'yandex-alice'],
    ['https://clova-x.naver.com/', 'naver-clova-x'],
    ['https://www.deepl.com/translator', 'deepl-translator'],
    ['https://www.sarvam.ai/', 'sarvam-ai'],
  ])('%s is %s', (url, id) => {
    expect(idOf(url)).toBe(id);
  });

  it('returns the full result shape', () => {
    expect(classifyUrl(compiled, 'https://chatgpt.com/')).toEqual({
      serviceId: 'openai-chatgpt',
      serviceName: 'ChatGPT',
      vendor: 'OpenAI',
      category: 'conversational',
      matchedRule: 'domain:chatgpt.com',
      matchKind: 'site',
    });
    expect(classifyUrl(compiled, 'https://example.com/')).toEqual({
      serviceId: null,
      serviceName: null,
      vendor: null,
      category: null,
      matchedRule: null,
      matchKind: null,
      reason: 'no-rule',
    });
  });
});

describe('classifyUrl against look-alikes', () => {
  it.each([
    'https://notopenai.com/',
    'https://openai.com.evil.example/',
    'https://chatgpt.com.evil.example/login',
    'https://chatgpt.com@evil.example/',
    'http://evil.example/chatgpt.com',
    'http://evil.example/?u=https://chatgpt.com',
    'https://chаtgpt.com/',
    'https://xn--chtgpt-2ve.com/',
    'https://chatgpt.co/',
    'https://xchatgpt.com/',
    'https://chatgpt-com.example/',
    'https://gemini.google.com.evil.example/',
    'https://claude.ai.example.com/',
    'https://myclaude.ai/',
    'https://google.com/',
    'https://mail.google.com/',
    'https://github.com/',
    'https://s3.us-east-1.amazonaws.com/bucket',
    'https://storage.googleapis.com/bucket',
    'https://evilopenai.azure.com/',
  ])('%s matches nothing', (url) => {
    expect(idOf(url)).toBeNull();
  });
});

describe('classifyUrl normalisation', () => {
  it.each([
    'https://CHATGPT.COM/',
    'https://ChatGPT.com/',
    'https://chatgpt.com./',
    'https://chatgpt.com:8443/',
    'http://chatgpt.com:80/c/1',
    'https://user:secret@chatgpt.com/',
    '  https://chatgpt.com/  ',
    'https://ｃｈａｔｇｐｔ.com/',
  ])('%s is still ChatGPT', (url) => {
    expect(idOf(url)).toBe('openai-chatgpt');
  });
});

describe('classifyUrl rejects what is not a web page', () => {
  it.each([
    ['ftp://chatgpt.com/', 'not-http'],
    ['chrome://settings', 'not-http'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', 'not-http'],
    ['javascript:alert(1)', 'not-http'],
    ['data:text/html,https://chatgpt.com', 'not-http'],
    ['file:///etc/passwd', 'not-http'],
    ['blob:https://chatgpt.com/1234', 'not-http'],
    ['wss://chatgpt.com/socket', 'not-http'],
    ['', 'unparsable'],
    ['   ', 'unparsable'],
    ['not a url', 'unparsable'],
    ['chatgpt.com', 'unparsable'],
    ['https://', 'unparsable'],
    ['http://[::1', 'unparsable'],
    ['https://exa mple.com/', 'unparsable'],
    ['\u0000\u0001', 'unparsable'],
    ['http://127.0.0.1:8080/', 'ip-or-localhost'],
    ['http://10.1.2.3./', 'ip-or-localhost'],
    ['http://0x7f.1/', 'ip-or-localhost'],
    ['http://[::1]/', 'ip-or-localhost'],
    ['http://[2001:db8::1]:8443/x', 'ip-or-localhost'],
    ['http://localhost:3000/', 'ip-or-localhost'],
    ['http://chatgpt.localhost/', 'ip-or-localhost'],
    ['http://intranet/', 'no-rule'],
  ])('%s → %s', (url, reason) => {
    expect(reasonOf(url)).toBe(reason);
  });

  it('handles huge input without throwing', () => {
    expect(reasonOf(`https://chatgpt.com/${'a'.repeat(3 * 1024 * 1024)}`)).toBe('unparsable');
    expect(idOf(`https://chatgpt.com/?q=${'a'.repeat(100_000)}`)).toBe('openai-chatgpt');
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [null, undefined, 42, {}, [], '%', '//', 'http:', 'https:///', 'a:b', '\uD800'];
    for (const value of junk) expect(() => classifyUrl(compiled, value as string)).not.toThrow();
  });
});

describe('path rules', () => {
  it.each([
    ['https://github.com/copilot', 'github-copilot'],
    ['https://github.com/copilot/', 'github-copilot'],
    ['https://github.com/copilot/c/123', 'github-copilot'],
    ['https://github.com/copilot?tab=chat', 'github-copilot'],
    ['https://github.com/copilot#top', 'github-copilot'],
    ['https://github.com/copilotx', null],
    ['https://github.com/copilot-tools/repo', null],
    ['https://github.com/org/copilot', null],
    ['https://www.canva.com/ai', 'canva-ai'],
    ['https://www.canva.com/ai/code', 'canva-ai'],
    ['https://www.canva.com/aircraft', null],
    ['https://www.notion.so/ai', 'notion-ai'],
    ['https://notion.so/ai?x', 'notion-ai'],
    ['https://www.notion.so/aim', null],
    ['https://www.notion.so/acme/Roadmap-123', null],
    ['https://www.bing.com/chat', 'microsoft-copilot'],
    ['https://www.bing.com/images/create/x', 'bing-image-creator'],
    ['https://www.bing.com/search?q=chat', null],
  ])('%s → %s', (url, id) => {
    expect(idOf(url)).toBe(id);
  });

  it('lets a path rule win over the domain rule of the same host', () => {
    expect(classifyUrl(compiled, 'https://chatgpt.com/codex/tasks').matchedRule).toBe(
      'path:chatgpt.com/codex',
    );
    expect(idOf('https://chatgpt.com/codexes')).toBe('openai-chatgpt');
    expect(idOf('https://claude.ai/code')).toBe('anthropic-claude-code');
    expect(idOf('https://claude.ai/chat/1')).toBe('anthropic-claude');
  });

  it('applies path rules to their exact host only', () => {
    expect(idOf('https://gist.github.com/copilot')).toBeNull();
  });
});

describe('rule precedence', () => {
  it('prefers the most specific host', () => {
    expect(idOf('https://platform.openai.com/docs')).toBe('openai-platform');
    expect(idOf('https://sora.chatgpt.com/')).toBe('openai-sora');
    expect(idOf('https://console.mistral.ai/')).toBe('mistral-platform');
    expect(idOf('https://mistral.ai/news')).toBe('mistral-platform');
  });

  it('classifies a navigation to an API host as api', () => {
    const result = classifyUrl(compiled, 'https://api.openai.com/v1/models');
    expect(result.serviceId).toBe('openai-platform');
    expect(result.matchKind).toBe('api');
    expect(classifyUrl(compiled, 'https://my-res.openai.azure.com/openai/deployments').matchKind).toBe('api');
  });
});

describe('classifyHost for sub-resource requests', () => {
  const hostId = (host: string) => classifyHost(compiled, host).serviceId;

  it.each([
    ['api.openai.com', 'openai-platform'],
    ['api.anthropic.com', 'anthropic-api'],
    ['generativelanguage.googleapis.com', 'google-gemini-api'],
    ['contoso-eastus.openai.azure.com', 'azure-openai'],
    ['contoso.cognitiveservices.azure.com', 'azure-ai-foundry'],
    ['contoso.services.ai.azure.com', 'azure-ai-foundry'],
    ['bedrock-runtime.us-east-1.amazonaws.com', 'aws-bedrock'],
    ['bedrock-runtime.eu-central-1.amazonaws.com', 'aws-bedrock'],
    ['bedrock.us-west-2.amazonaws.com', 'aws-bedrock'],
    ['bedrock-agent-runtime.ap-northeast-1.amazonaws.com', 'aws-bedrock'],
    ['bedrock-runtime-fips.us-east-1.amazonaws.com', 'aws-bedrock'],
    ['us-central1-aiplatform.googleapis.com', 'google-vertex-ai'],
    ['europe-west4-aiplatform.googleapis.com', 'google-vertex-ai'],
    ['aiplatform.googleapis.com', 'google-vertex-ai'],
    ['api.githubcopilot.com', 'github-copilot'],
    ['api.individual.githubcopilot.com', 'github-copilot'],
    ['API.OPENAI.COM', 'openai-platform'],
    ['api.openai.com.', 'openai-platform'],
    ['api.openai.com:443', 'openai-platform'],
  ])('%s is %s', (host, id) => {
    expect(hostId(host)).toBe(id);
  });

  it.each([
    'openai.azure.com',
    'management.azure.com',
    's3.us-east-1.amazonaws.com',
    'bedrock-runtime.us-east-1.amazonaws.com.evil.example',
    'evilbedrock-runtime.us-east-1.amazonaws.com',
    'storage.googleapis.com',
    'us-central1-aiplatform.googleapis.com.evil.example',
    'xaiplatform.googleapis.com',
    'chatgpt.com',
  ])('%s is not an AI API', (host) => {
    expect(hostId(host)).toBeNull();
  });

  it('falls back to site rules only when asked', () => {
    expect(classifyHost(compiled, 'chatgpt.com', { includeSites: true }).serviceId).toBe('openai-chatgpt');
  });

  it('reports bad hosts instead of throwing', () => {
    const reason = (host: string) => {
      const result = classifyHost(compiled, host);
      return result.serviceId === null ? result.reason : 'matched';
    };
    expect(reason('')).toBe('unparsable');
    expect(reason('evil.example/api.openai.com')).toBe('unparsable');
    expect(reason('user@api.openai.com')).toBe('unparsable');
    expect(reason('10.0.0.1')).toBe('ip-or-localhost');
    expect(reason('[::1]')).toBe('ip-or-localhost');
    expect(reason('localhost')).toBe('ip-or-localhost');
    expect(reason('x'.repeat(5000))).toBe('unparsable');
  });
});
