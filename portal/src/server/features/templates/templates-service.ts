import { isDeepStrictEqual } from 'node:util';
import type { Db, DbOrTx } from '@sightline/db/client';
import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import type { TemplateFormat } from '@sightline/shared/assessments/template-api';
import { A10_TEMPLATE_KEY, a10TemplateV1 } from '@sightline/shared/questionnaire/a10-template-v1';
import { a10TemplateV2 } from '@sightline/shared/questionnaire/a10-template-v2';
import {
  templateFromJson,
  templateFromYaml,
  templateToJson,
  templateToYaml,
} from '@sightline/shared/questionnaire/template-io';
import { parseTemplate, type Template } from '@sightline/shared/questionnaire/template-schema';
import { and, count, desc, eq, max } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor, ServiceDeps } from '../../context';
import { AppError } from '../../errors';

/** Templates shipped with Sightline; seeded on every start, never overwritten once stored. */
const builtInTemplates: readonly Template[] = [a10TemplateV1, a10TemplateV2];

/**
 * Seeds each shipped template once. A shipped template is recognised by its content, not only its
 * number: if the organisation cloned A.10 into version 2 before Sightline shipped its own version 2,
 * the shipped one takes the next free number (its definition says so) rather than being skipped.
 */
export async function ensureBuiltInTemplates(db: Db): Promise<void> {
  for (const template of builtInTemplates) {
    const rows = await db
      .select({
        version: questionnaireTemplate.version,
        builtIn: questionnaireTemplate.builtIn,
        definition: questionnaireTemplate.definition,
      })
      .from(questionnaireTemplate)
      .where(eq(questionnaireTemplate.key, template.key));
    if (rows.some((r) => r.builtIn && sameShippedTemplate(r.definition, template))) continue;
    const taken = rows.some((r) => r.version === template.version);
    const version = taken ? Math.max(...rows.map((r) => r.version)) + 1 : template.version;
    await db
      .insert(questionnaireTemplate)
      .values({
        key: template.key,
        version,
        title: template.title,
        definition: { ...template, version },
        builtIn: true,
      })
      .onConflictDoNothing({ target: [questionnaireTemplate.key, questionnaireTemplate.version] });
  }
}

function sameShippedTemplate(stored: unknown, template: Template): boolean {
  if (!stored || typeof stored !== 'object') return false;
  return isDeepStrictEqual({ ...(stored as Template), version: template.version }, template);
}

export async function listTemplates(db: Db) {
  const rows = await db
    .select({
      id: questionnaireTemplate.id,
      key: questionnaireTemplate.key,
      version: questionnaireTemplate.version,
      title: questionnaireTemplate.title,
      builtIn: questionnaireTemplate.builtIn,
      createdAt: questionnaireTemplate.createdAt,
      definition: questionnaireTemplate.definition,
    })
    .from(questionnaireTemplate)
    .orderBy(questionnaireTemplate.key, desc(questionnaireTemplate.version));
  const usage = await db
    .select({ templateId: assessment.templateId, n: count() })
    .from(assessment)
    .groupBy(assessment.templateId);
  const used = new Map(usage.map((u) => [u.templateId, u.n]));
  return rows.map(({ definition, ...row }) => {
    const sections = (definition as Template).sections;
    return {
      ...row,
      sectionCount: sections.length,
      questionCount: sections.reduce((n, s) => n + s.questions.length, 0),
      assessmentCount: used.get(row.id) ?? 0,
    };
  });
}

/** A stored template, re-validated: a row that no longer parses is reported, never half-used. */
export async function loadTemplate(db: DbOrTx, id: string) {
  const [row] = await db.select().from(questionnaireTemplate).where(eq(questionnaireTemplate.id, id));
  if (!row) throw new AppError('not_found', 'No template with this id');
  const parsed = parseTemplate(row.definition);
  if (!parsed.ok) {
    throw new AppError('conflict', 'The stored template no longer passes validation', parsed.errors);
  }
  return { row, template: parsed.template };
}

export async function getTemplate(db: Db, id: string) {
  const { row, template } = await loadTemplate(db, id);
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    title: row.title,
    builtIn: row.builtIn,
    createdAt: row.createdAt,
    definition: template,
  };
}

/**
 * The newest version of the shipped A.10 template: the default for a new assessment. Shipped only, so
 * a clone of it (or an import under its key) is used when someone chooses it, never by default.
 */
export async function defaultTemplateId(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ id: questionnaireTemplate.id })
    .from(questionnaireTemplate)
    .where(and(eq(questionnaireTemplate.key, A10_TEMPLATE_KEY), eq(questionnaireTemplate.builtIn, true)))
    .orderBy(desc(questionnaireTemplate.version))
    .limit(1);
  if (!row)
    throw new AppError('conflict', 'The A.10 template is not installed; restart the portal to seed it');
  return row.id;
}

export async function cloneTemplate(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  id: string,
  input: { key?: string | undefined; title?: string | undefined },
) {
  const { db, now } = deps;
  const { row, template } = await loadTemplate(db, id);
  const key = input.key ?? row.key;
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(questionnaireTemplate.version) })
      .from(questionnaireTemplate)
      .where(eq(questionnaireTemplate.key, key));
    const version = (latest?.version ?? 0) + 1;
    const definition: Template = { ...template, key, version, title: input.title ?? template.title };
    const created = await insertTemplate(tx, definition, actor);
    await recordAudit(tx, {
      actor,
      action: 'template.cloned',
      targetType: 'questionnaire_template',
      targetId: created.id,
      details: { from: { id: row.id, key: row.key, version: row.version }, key, version },
      at: now,
    });
    return created;
  });
}

export async function importTemplate(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  input: { format: TemplateFormat; source: string },
) {
  const { db, now } = deps;
  const parsed = input.format === 'yaml' ? templateFromYaml(input.source) : templateFromJson(input.source);
  if (!parsed.ok) {
    const n = parsed.errors.length;
    const first = parsed.errors
      .slice(0, 3)
      .map((e) => `${e.path || '(root)'}: ${e.message}`)
      .join('; ');
    throw new AppError(
      'bad_request',
      `The template has ${n} problem${n === 1 ? '' : 's'}: ${first}${n > 3 ? ' …' : ''}`,
      parsed.errors,
    );
  }
  const template = parsed.template;
  return db.transaction(async (tx) => {
    const created = await insertTemplate(tx, template, actor);
    await recordAudit(tx, {
      actor,
      action: 'template.imported',
      targetType: 'questionnaire_template',
      targetId: created.id,
      details: { key: template.key, version: template.version, format: input.format },
      at: now,
    });
    return created;
  });
}

async function insertTemplate(tx: DbOrTx, template: Template, actor: Actor) {
  const [exists] = await tx
    .select({ id: questionnaireTemplate.id })
    .from(questionnaireTemplate)
    .where(
      and(eq(questionnaireTemplate.key, template.key), eq(questionnaireTemplate.version, template.version)),
    );
  if (exists) {
    throw new AppError(
      'conflict',
      `Version ${template.version} of "${template.key}" already exists; give the template a new version number`,
    );
  }
  const [row] = await tx
    .insert(questionnaireTemplate)
    .values({
      key: template.key,
      version: template.version,
      title: template.title,
      definition: template,
      builtIn: false,
      createdBy: actor.type === 'staff' ? actor.user.id : null,
    })
    .returning({
      id: questionnaireTemplate.id,
      key: questionnaireTemplate.key,
      version: questionnaireTemplate.version,
    })
    .catch((error: unknown) => {
      // Two clones racing for the same next version: the unique index decides, the loser gets a 409.
      if (isUniqueViolation(error))
        throw new AppError('conflict', 'That version was just created; try again');
      throw error;
    });
  return row!;
}

export async function exportTemplate(db: Db, id: string, format: TemplateFormat) {
  const { template } = await loadTemplate(db, id);
  const body = format === 'yaml' ? templateToYaml(template) : templateToJson(template);
  return {
    body,
    contentType: format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8',
    fileName: `${template.key}-v${template.version}.${format === 'yaml' ? 'yaml' : 'json'}`,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const codes = [error, (error as { cause?: unknown })?.cause].map((e) => (e as { code?: unknown })?.code);
  return codes.includes('23505');
}
