import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import { vendor } from '@sightline/db/schema/vendors';
import { afterAll, beforeAll, describe } from 'vitest';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp } from './assessment-test-kit';

let t: TestApp;
let cookie: string;
let vendorId: string;
let templateId: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  cookie = await t.signInAs('reviewer');
  vendorId = (await t.deps.db.insert(vendor).values({ name: 'Paged AI' }).returning())[0]!.id;
  templateId = (await t.deps.db.select().from(questionnaireTemplate).limit(1))[0]!.id;
});
afterAll(() => t?.close());

const add = async (createdAt: Date) =>
  (
    await t.deps.db
      .insert(assessment)
      .values({
        vendorId,
        templateId,
        respondentName: 'Rita',
        respondentEmail: 'rita@paged.example',
        dueOn: '2026-12-31',
        createdAt,
      })
      .returning({ id: assessment.id })
  )[0]!.id;

describe('the assessments list, page by page (newest first)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/assessments?${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add(new Date('2026-03-01T10:00:00.123Z'));
    },
    addFirst: () => add(new Date('2030-01-01T00:00:00Z')),
    addLast: () => add(new Date('2001-01-01T00:00:00Z')),
  }));
});
