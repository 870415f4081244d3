import { questionnaireTemplate } from '@sightline/db/schema/assessments';
import { A10_TEMPLATE_KEY, a10TemplateV1 } from '@sightline/shared/questionnaire/a10-template-v1';
import { a10TemplateV2 } from '@sightline/shared/questionnaire/a10-template-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { assessmentTestApp, json } from '../assessments/assessment-test-kit';
import { defaultTemplateId, ensureBuiltInTemplates } from './templates-service';

let t: TestApp;
let procurement: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  procurement = await t.signInAs('procurement');
});
afterAll(() => t?.close());

type Listed = {
  id: string;
  key: string;
  version: number;
  builtIn: boolean;
  sectionCount: number;
  questionCount: number;
};
const list = async () =>
  (await json<{ templates: Listed[] }>(await t.request('/api/templates', { cookie: procurement }), 200))
    .templates;

describe('questionnaire templates', () => {
  it('seeds the shipped A.10 templates, v2 beside v1, once however often the portal starts', async () => {
    await ensureBuiltInTemplates(t.deps.db);
    await ensureBuiltInTemplates(t.deps.db);
    const rows = await t.deps.db.select().from(questionnaireTemplate);
    expect(rows).toHaveLength(2);
    const [v2, v1] = await list();
    expect(v2).toMatchObject({
      key: A10_TEMPLATE_KEY,
      version: 2,
      builtIn: true,
      sectionCount: 13,
      questionCount: 89,
    });
    expect(v1).toMatchObject({ key: A10_TEMPLATE_KEY, version: 1, builtIn: true, questionCount: 79 });
    // New assessments default to the newest shipped version.
    expect(await defaultTemplateId(t.deps.db)).toBe(v2!.id);
  });

  it('clones to the next version, exports and imports JSON and YAML', async () => {
    const [a10] = await list();
    const clone = await json<{ id: string; version: number }>(
      await t.request(`/api/templates/${a10!.id}/clone`, {
        method: 'POST',
        cookie: procurement,
        json: { title: 'A.10 (2027 edition)' },
      }),
      201,
    );
    expect(clone.version).toBe(3);
    // A clone is used when chosen, never by default.
    expect(await defaultTemplateId(t.deps.db)).toBe(a10!.id);
    const exported = await t.request(`/api/templates/${clone.id}/export?format=yaml`, {
      cookie: procurement,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="${A10_TEMPLATE_KEY}-v3.yaml"`,
    );
    const yamlSource = await exported.text();
    const data = parse(yamlSource) as { version: number; title: string };
    expect(data.title).toBe('A.10 (2027 edition)');
    // Importing the same version again is a conflict; a bumped version is accepted.
    const dup = await t.request('/api/templates/import', {
      method: 'POST',
      cookie: procurement,
      json: { format: 'yaml', source: yamlSource },
    });
    expect(dup.status).toBe(409);
    const bumped = yamlSource.replace(/^version: 3$/m, 'version: 4');
    await json(
      await t.request('/api/templates/import', {
        method: 'POST',
        cookie: procurement,
        json: { format: 'yaml', source: bumped },
      }),
      201,
    );
    const jsonExport = await (
      await t.request(`/api/templates/${clone.id}/export?format=json`, { cookie: procurement })
    ).text();
    const asNewKey = JSON.stringify({ ...JSON.parse(jsonExport), key: 'short-check', version: 1 });
    await json(
      await t.request('/api/templates/import', {
        method: 'POST',
        cookie: procurement,
        json: { format: 'json', source: asNewKey },
      }),
      201,
    );
    expect((await list()).map((x) => `${x.key}@${x.version}`).sort()).toEqual(
      [
        `${A10_TEMPLATE_KEY}@1`,
        `${A10_TEMPLATE_KEY}@2`,
        `${A10_TEMPLATE_KEY}@3`,
        `${A10_TEMPLATE_KEY}@4`,
        'short-check@1',
      ].sort(),
    );
  });

  it('refuses an invalid template with 400 listing every problem, and stores nothing', async () => {
    const before = (await list()).length;
    const broken = {
      key: 'Bad Key',
      version: 1,
      title: 'Broken',
      description: 'x',
      sections: [
        {
          id: 'profile',
          title: 'P',
          questions: [
            {
              id: 'p.q',
              type: 'yes_no',
              text: 'Q?',
              required: true,
              allowNotApplicable: false,
              weight: -1,
              tags: { iso42001: [] },
            },
          ],
        },
      ],
    };
    const res = await t.request('/api/templates/import', {
      method: 'POST',
      cookie: procurement,
      json: { format: 'json', source: JSON.stringify(broken) },
    });
    const body = await json<{ error: { message: string; details: { path: string; message: string }[] } }>(
      res,
      400,
    );
    expect(body.error.message).toMatch(/problems/);
    expect(body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        'key',
        'sections[0].questions[0].weight',
        'sections[0].questions[0].tags.iso42001',
      ]),
    );
    for (const source of ['{not json', 'key: [unclosed', '']) {
      const format = source.startsWith('key') ? 'yaml' : 'json';
      const bad = await t.request('/api/templates/import', {
        method: 'POST',
        cookie: procurement,
        json: { format, source },
      });
      expect(bad.status).toBe(400);
    }
    expect((await list()).length).toBe(before);
  });

  it('seeds the shipped v2 at the next free number when a clone already took version 2', async () => {
    const other = await createTestApp();
    try {
      await other.deps.db.insert(questionnaireTemplate).values([
        { key: A10_TEMPLATE_KEY, version: 1, title: 'v1', definition: a10TemplateV1, builtIn: true },
        {
          key: A10_TEMPLATE_KEY,
          version: 2,
          title: 'Our clone',
          definition: { ...a10TemplateV1, version: 2, title: 'Our clone' },
          builtIn: false,
        },
      ]);
      await ensureBuiltInTemplates(other.deps.db);
      await ensureBuiltInTemplates(other.deps.db);
      const rows = await other.deps.db.select().from(questionnaireTemplate);
      expect(rows.map((r) => `${r.version} ${r.builtIn} ${r.title}`).sort()).toEqual([
        '1 true v1',
        '2 false Our clone',
        `3 true ${a10TemplateV2.title}`,
      ]);
      const shipped = rows.find((r) => r.version === 3);
      expect(shipped?.definition).toEqual({ ...a10TemplateV2, version: 3 });
      expect(await defaultTemplateId(other.deps.db)).toBe(shipped?.id);
    } finally {
      await other.close();
    }
  });

  it('lets reviewers read but not write, and viewers not at all', async () => {
    const reviewer = await t.signInAs('reviewer');
    const [a10] = await list();
    expect((await t.request(`/api/templates/${a10!.id}`, { cookie: reviewer })).status).toBe(200);
    expect(
      (await t.request(`/api/templates/${a10!.id}/clone`, { method: 'POST', cookie: reviewer, json: {} }))
        .status,
    ).toBe(403);
    expect((await t.request('/api/templates', { cookie: await t.signInAs('viewer') })).status).toBe(403);
  });
});
