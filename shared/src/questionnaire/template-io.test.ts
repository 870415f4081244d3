import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from './a10-template-v1';
import { a10TemplateV2 } from './a10-template-v2';
import {
  MAX_TEMPLATE_SOURCE_CHARS,
  templateFromJson,
  templateFromYaml,
  templateToJson,
  templateToYaml,
} from './template-io';

describe('template import and export', () => {
  it('round-trips the A.10 template through YAML', () => {
    const yaml = templateToYaml(a10TemplateV1);
    expect(yaml).toContain('key: iso42001-a10');
    expect(templateFromYaml(yaml)).toEqual({ ok: true, template: a10TemplateV1 });
  });

  it('round-trips the A.10 template through JSON', () => {
    expect(templateFromJson(templateToJson(a10TemplateV1))).toEqual({ ok: true, template: a10TemplateV1 });
  });

  it('round-trips version 2, with its use-context conditions, "we cannot say" options and conditional knock-outs', () => {
    expect(templateFromYaml(templateToYaml(a10TemplateV2))).toEqual({ ok: true, template: a10TemplateV2 });
    expect(templateFromJson(templateToJson(a10TemplateV2))).toEqual({ ok: true, template: a10TemplateV2 });
  });

  it('reports YAML syntax errors as errors, not exceptions', () => {
    const result = templateFromYaml('key: [unclosed');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^not valid YAML/);
  });

  it('reports rule violations in YAML with their paths', () => {
    const yaml = templateToYaml(a10TemplateV1).replace(
      'questionId: profile.data_categories',
      'questionId: ctr.sla',
    );
    const result = templateFromYaml(yaml);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.path).toMatch(/^sections\[\d+\]\.(questions\[\d+\]\.)?condition/);
      expect(result.errors[0]?.message).toContain('"ctr.sla", which comes later');
    }
  });

  it('refuses sources that are far too large before parsing them', () => {
    const huge = `# ${'x'.repeat(MAX_TEMPLATE_SOURCE_CHARS)}`;
    const tooLarge = [{ path: '', message: expect.stringContaining('larger than') }];
    expect(templateFromYaml(huge)).toEqual({ ok: false, errors: tooLarge });
    expect(templateFromJson(huge)).toEqual({ ok: false, errors: tooLarge });
  });

  it('refuses a YAML alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(
        `${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    const result = templateFromYaml(lines.join('\n'));
    expect(result.ok ? [] : result.errors).toEqual([
      { path: '', message: expect.stringMatching(/^not valid YAML: .*alias/) },
    ]);
  });
});
