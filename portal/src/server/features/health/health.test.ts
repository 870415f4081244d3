import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { runWorkerTick, type WorkerTick, workers } from '../../workers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('operations endpoints', () => {
  it('reports the database, the migration level and the version', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      migrations: { applied: number; shipped: number };
      version: string;
    };
    expect(body.status).toBe('ok');
    expect(body.migrations.applied).toBe(body.migrations.shipped);
    expect(body.migrations.shipped).toBeGreaterThanOrEqual(2);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("says when this process's workers last ran, so an operator can see each instance's own", async () => {
    const before = new Date().toISOString();
    await runWorkerTick(workers.find((w) => w.name === 'mail')!, t.deps);
    const body = (await (await t.request('/api/health')).json()) as { workers: Record<string, WorkerTick> };
    expect(body.workers.mail?.ok).toBe(true);
    expect(body.workers.mail!.startedAt >= before).toBe(true);
    expect(body.workers.mail!.finishedAt >= body.workers.mail!.startedAt).toBe(true);
    expect(body.workers['assessment-schedule']).toBeUndefined();
  });

  it('publishes an OpenAPI document that lists the routes with their validated inputs', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/users', '/api/audit/verify']),
    );
    expect(doc.paths['/api/users/invitations']?.post?.requestBody).toBeDefined();
  });

  it('serves the docs page without any inline script', async () => {
    const html = await (await t.request('/api/docs')).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
    expect(inline).toEqual([]);
    expect((await t.request('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
});
