import { parse, stringify } from 'yaml';
import { type ParseTemplateResult, parseTemplate, type Template } from './template-schema';

/** Templates are small; anything far larger is a mistake or an attempt to exhaust the parser. */
export const MAX_TEMPLATE_SOURCE_CHARS = 1_000_000;

export function templateToJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

export function templateFromJson(source: string): ParseTemplateResult {
  const tooLarge = checkSize(source);
  return tooLarge ?? parseTemplate(source);
}

export function templateToYaml(template: Template): string {
  // lineWidth 0 keeps long question texts on one line, so diffs of a template stay readable.
  return stringify(template, { lineWidth: 0 });
}

export function templateFromYaml(source: string): ParseTemplateResult {
  const tooLarge = checkSize(source);
  if (tooLarge) return tooLarge;
  let data: unknown;
  try {
    // The core schema has no custom tags, and the alias cap stops "billion laughs" documents.
    data = parse(source, { schema: 'core', maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not valid YAML: ${(error as Error).message}` }] };
  }
  return parseTemplate(data);
}

function checkSize(source: string): ParseTemplateResult | undefined {
  if (source.length <= MAX_TEMPLATE_SOURCE_CHARS) return undefined;
  return {
    ok: false,
    errors: [{ path: '', message: `the template is larger than ${MAX_TEMPLATE_SOURCE_CHARS} characters` }],
  };
}
