import { auditLog } from '@sightline/db/schema/audit';
import { personDepartment } from '@sightline/db/schema/directory';
import { orgSettings } from '@sightline/db/schema/org';
import { MAX_IMPORT_BYTES } from '@sightline/shared/directory/department-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { type ImportRefusal, uploadDepartments } from './department-test-kit';
import { DEPARTMENTS_IMPORTED } from './directory-service';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ start: new Date('2026-11-20T12:00:00.000Z') });
  admin = await t.signInAs('admin');
  // Plain keys here, so the rows can be read by address; department-pseudonyms.test.ts covers hashing.
  await t.deps.db.update(orgSettings).set({ pseudonymiseUsers: false }).where(eq(orgSettings.id, 1));
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.deps.db.delete(personDepartment);
});

const GOOD =
  'email,department,manager\nada@example.com,Engineering,grace@example.com\nbob@example.com,Sales,\n';

async function stored() {
  const rows = await t.deps.db.select().from(personDepartment);
  return Object.fromEntries(rows.map((r) => [r.personKey, r.department]));
}
const imports = async () =>
  (await t.deps.db.select().from(auditLog).where(eq(auditLog.action, DEPARTMENTS_IMPORTED))).length;

describe('department CSV import', () => {
  it('refuses a file with bad rows, listing each line and reason, and writes nothing', async () => {
    expect((await uploadDepartments(t, admin, GOOD)).status).toBe(200);
    const before = await imports();
    const bad = [
      'email,department,manager',
      'carol@example.com,Finance,', // fine, but the file as a whole is refused
      ',Finance,',
      'dan(at)example.com,Finance,',
      'erin@example.com,,',
      `frank@example.com,${'F'.repeat(200)},`,
      'Carol@Example.com,Legal,',
    ].join('\r\n');
    const res = await uploadDepartments(t, admin, bad, 'replace');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ImportRefusal;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBe('Nothing was imported: 5 problems in the file');
    expect(body.error.details.totalProblems).toBe(5);
    expect(body.error.details.problems).toEqual([
      { line: 3, column: 'email', reason: 'missing email' },
      { line: 4, column: 'email', reason: 'invalid email' },
      { line: 5, column: 'department', reason: 'empty department' },
      { line: 6, column: 'department', reason: 'too long: at most 120 characters' },
      { line: 7, column: 'email', reason: 'duplicate email: already on line 2' },
    ]);
    // Not Carol's good row, not the replace: the earlier import stands as it was, and no audit entry.
    expect(await stored()).toEqual({ 'ada@example.com': 'Engineering', 'bob@example.com': 'Sales' });
    expect(await imports()).toBe(before);
  });

  it('upserts per email by default; replace also removes the imported people not in the file', async () => {
    expect((await uploadDepartments(t, admin, GOOD)).status).toBe(200);
    const upsert = await uploadDepartments(t, admin, 'email,department\nBOB@example.com,Marketing\n');
    expect(await upsert.json()).toEqual({ imported: 1, departments: 1, removed: 0, mode: 'upsert' });
    expect(await stored()).toEqual({ 'ada@example.com': 'Engineering', 'bob@example.com': 'Marketing' });

    // A department set at sign-in (by the identity provider, later) is not the file's to remove.
    await t.deps.db.insert(personDepartment).values({
      personKey: 'sso@example.com',
      email: 'sso@example.com',
      department: 'Security',
      source: 'sign-in',
      updatedAt: t.clock.now(),
    });
    const replace = await uploadDepartments(
      t,
      admin,
      'email,department\ncarol@example.com,Finance\n',
      'replace',
    );
    expect(await replace.json()).toEqual({ imported: 1, departments: 1, removed: 2, mode: 'replace' });
    expect(await stored()).toEqual({ 'carol@example.com': 'Finance', 'sso@example.com': 'Security' });
  });

  it('audits how many rows and departments, never an address', async () => {
    expect((await uploadDepartments(t, admin, GOOD, 'replace')).status).toBe(200);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, DEPARTMENTS_IMPORTED))
      .orderBy(auditLog.seq)
      .limit(1)
      .offset((await imports()) - 1);
    expect(entry?.details).toEqual({ rows: 2, departments: 2, mode: 'replace', removed: 0 });
    expect(entry?.actorLabel).toBe('admin@example.test');
    for (const word of ['ada', 'bob', 'grace', 'example.com'])
      expect(JSON.stringify(entry?.details)).not.toContain(word);

    const summary = await t.request('/api/directory/departments', { cookie: await t.signInAs('auditor') });
    expect(summary.status).toBe(200);
    expect(await summary.json()).toMatchObject({
      mappedPeople: 2,
      departmentCount: 2,
      withManager: 1,
      fromSignIn: 0,
      departments: [
        { department: 'Engineering', people: 1 },
        { department: 'Sales', people: 1 },
      ],
      pseudonymised: false,
      lastImport: { rows: 2, mode: 'replace', removed: 0, by: 'admin@example.test' },
    });
  });

  it('refuses what is not a department CSV upload, with a 4xx and nothing written', async () => {
    const json = await t.request('/api/directory/departments/import', {
      method: 'POST',
      cookie: admin,
      json: { email: 'ada@example.com', department: 'Engineering' },
    });
    expect(json.status).toBe(400);
    const noFile = new FormData();
    noFile.set('mode', 'upsert');
    expect(
      (await t.request('/api/directory/departments/import', { method: 'POST', cookie: admin, body: noFile }))
        .status,
    ).toBe(400);
    const badMode = await uploadDepartments(t, admin, GOOD, 'merge');
    expect(badMode.status).toBe(400);
    expect(((await badMode.json()) as ImportRefusal).error.message).toMatch(/mode/);
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('email,department\nzoe@example.com,R'),
      0xe9,
      0x0a,
    ]);
    const notUtf8 = await uploadDepartments(t, admin, latin1);
    expect(notUtf8.status).toBe(400);
    expect(((await notUtf8.json()) as ImportRefusal).error.message).toMatch(/UTF-8/);
    const huge = await uploadDepartments(t, admin, `email,department\n${'x'.repeat(MAX_IMPORT_BYTES)}`);
    expect(huge.status).toBe(413);
    expect(await stored()).toEqual({});
  });

  it('lets only an admin import; the auditor may read the summary', async () => {
    for (const role of ['procurement', 'reviewer', 'approver', 'auditor', 'viewer'] as const) {
      const res = await uploadDepartments(t, await t.signInAs(role), GOOD);
      expect(res.status, role).toBe(403);
    }
    expect(await stored()).toEqual({});
    expect((await uploadDepartments(t, admin, GOOD)).status).toBe(200);
    const viewer = await t.request('/api/directory/departments', { cookie: await t.signInAs('viewer') });
    expect(viewer.status).toBe(403);
    expect((await t.request('/api/directory/departments/import', { method: 'POST' })).status).toBe(401);
  });
});
