import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess } from '../../route-access';
import { declaredResponses } from '../../testing/response-contract';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { openApiPath } from './openapi-document';

type JsonSchema = { properties?: Record<string, JsonSchema> };
type Response = {
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
  headers?: Record<string, unknown>;
};
type Operation = { responses?: Record<string, Response>; security?: unknown[] };
type Document = { paths: Record<string, Record<string, Operation>> };

/** Routes that only refuse (the SSO plugin's own endpoints, not offered): they declare their 404. */
const ONLY_REFUSE = new Set(['GET /api/auth/sso/*', 'POST /api/auth/sso/*']);

let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});
afterAll(() => t?.close());

function operations(): { key: string; operation: Operation | undefined }[] {
  return Object.keys(routeAccess).map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    return { key, operation: doc.paths[openApiPath(path)]?.[method.toLowerCase()] };
  });
}

describe('the OpenAPI document', () => {
  it('declares a success answer with its body (or a redirect with its Location) for every route', () => {
    const missing: string[] = [];
    const declared = declaredResponses(t.app);
    for (const { key, operation } of operations()) {
      if (key.includes('*')) {
        // OpenAPI paths cannot hold a wildcard: such a route (better-auth's other endpoints) is left
        // out of the document, and still declares its answers for the contract test.
        const statuses = Object.keys(declared.get(key) ?? {});
        if (ONLY_REFUSE.has(key) ? !statuses.includes('404') : !statuses.some((s) => s.startsWith('2')))
          missing.push(`${key}: no ${ONLY_REFUSE.has(key) ? '404' : '2xx'} answer declared`);
        continue;
      }
      const answers = Object.entries(operation?.responses ?? {});
      const described = answers.filter(
        ([status, r]) => /^2\d\d$/.test(status) && Object.keys(r.content ?? {}).length > 0,
      );
      const redirects = answers.filter(([status, r]) => /^30[1237]$/.test(status) && r.headers?.location);
      if (!operation) missing.push(`${key}: not in the document`);
      else if (described.length + redirects.length === 0) missing.push(`${key}: no 2xx answer with a body`);
    }
    expect(missing).toEqual([]);
    expect([...ONLY_REFUSE].filter((key) => !(key in routeAccess))).toEqual([]);
  });

  it('answers refusals in the one error shape, and says who may call each route', () => {
    const problems: string[] = [];
    for (const { key, operation } of operations()) {
      if (!operation) continue;
      const rule = routeAccess[key];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400 || key === 'GET /api/health') continue;
        const schema = response.content?.['application/json']?.schema;
        if (!schema?.properties?.error) problems.push(`${key} ${status}: not the error shape`);
      }
      const statuses = Object.keys(operation.responses ?? {});
      if (Array.isArray(rule) && !(statuses.includes('401') && statuses.includes('403')))
        problems.push(`${key}: a staff route without 401 and 403`);
      if (Array.isArray(rule) !== JSON.stringify(operation.security).includes('session'))
        problems.push(`${key}: security does not match the access table`);
    }
    expect(problems).toEqual([]);
  });
});
