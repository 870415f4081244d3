import { describe, expect, it } from 'vitest';
import { q, section, template, testProfile } from './template.fixture';
import { errorsOf } from './template-rejections.fixture';
import { formatPath, parseTemplate } from './template-schema';

describe('parseTemplate', () => {
  it('accepts a well-formed template, from an object or a JSON string', () => {
    const t = template([testProfile, section('a', [q({ id: 'a.one', type: 'yes_no' })])]);
    expect(parseTemplate(t)).toEqual({ ok: true, template: t });
    expect(parseTemplate(JSON.stringify(t))).toEqual({ ok: true, template: t });
  });

  it('rejects unknown keys, so a typo does not silently drop a setting', () => {
    const t = template([testProfile, section('a', [q({ id: 'a.one', type: 'yes_no' })])]);
    const withTypo = JSON.parse(JSON.stringify(t));
    withTypo.sections[1].questions[0].wieght = 3;
    expect(errorsOf(withTypo)[0]).toMatchObject({ path: 'sections[1].questions[0]' });
    expect(errorsOf(withTypo)[0]?.message).toContain('wieght');
  });

  it('reports malformed JSON instead of throwing', () => {
    expect(errorsOf('{"key": ')[0]?.message).toMatch(/^not valid JSON/);
  });

  it('formats paths readably', () => {
    expect(formatPath(['sections', 2, 'questions', 0, 'condition'])).toBe(
      'sections[2].questions[0].condition',
    );
  });
});
