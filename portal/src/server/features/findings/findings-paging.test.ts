import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import { finding } from '@sightline/db/schema/findings';
import { vendor } from '@sightline/db/schema/vendors';
import type { RiskTier } from '@sightline/shared/assessments/assessment-states';
import { afterAll, beforeAll, describe } from 'vitest';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp } from '../assessments/assessment-test-kit';

let t: TestApp;
let cookie: string;
let vendorId: string;
let templateId: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  cookie = await t.signInAs('auditor');
  vendorId = (await t.deps.db.insert(vendor).values({ name: 'Paged AI' }).returning())[0]!.id;
  templateId = (await t.deps.db.select().from(questionnaireTemplate).limit(1))[0]!.id;
});
afterAll(() => t?.close());

/** A finding on an assessment of its own: one assessment holds one finding per source key. */
async function add(severity: RiskTier, createdAt: Date, sourceKey = 'flag:q1') {
  const { db } = t.deps;
  const [a] = await db
    .insert(assessment)
    .values({
      vendorId,
      templateId,
      respondentName: 'R',
      respondentEmail: 'r@x.example',
      dueOn: '2026-12-31',
    })
    .returning({ id: assessment.id });
  const [f] = await db
    .insert(finding)
    .values({
      assessmentId: a!.id,
      vendorId,
      source: 'reviewer',
      sourceKey,
      title: 'Gap',
      severity,
      createdAt,
    })
    .returning({ id: finding.id });
  return f!.id;
}

describe('the findings list, page by page (most severe, newest, then source)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/findings?status=open&${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add('medium', new Date('2026-03-01T10:00:00.123Z'));
    },
    addFirst: () => add('critical', new Date('2020-01-01T00:00:00Z')),
    addLast: () => add('low', new Date('2030-01-01T00:00:00Z'), 'flag:z'),
  }));
});
