import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv, StaffUser } from '../context';
import { handleError } from '../errors';
import { authorize, staffActor } from './access';

/** A bare app with `authorize`, the caller set as resolveSession would set it. */
function appFor(staff: StaffUser | null, passwordChangeRequired = false) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('staff', staff);
    c.set('passwordChangeRequired', passwordChangeRequired);
    c.set('actor', staff ? { type: 'staff', user: staff } : { type: 'anonymous' });
    await next();
  });
  app.use('/api/*', authorize);
  // Listed in route-access.ts: admin and auditor; /api/me also with a one-time password.
  app.get('/api/settings', (c) => c.json({ by: staffActor(c).user.role }, 200));
  app.get('/api/me', (c) => c.json({ ok: true }, 200));
  app.get('/api/health', (c) => c.json({ ok: true }, 200));
  app.get('/api/not-in-the-table', (c) => c.json({ leaked: true }, 200));
  return app;
}
const user = (role: StaffUser['role']): StaffUser => ({ id: 'u1', email: 'a@b.test', name: 'A', role });

afterEach(() => vi.restoreAllMocks());

describe('authorize', () => {
  it("applies the answering route's roles from the access table", async () => {
    expect((await appFor(null).request('/api/settings')).status).toBe(401);
    expect((await appFor(user('viewer')).request('/api/settings')).status).toBe(403);
    const auditor = await appFor(user('auditor')).request('/api/settings');
    expect(auditor.status).toBe(200);
    expect(await auditor.json()).toEqual({ by: 'auditor' });
    expect((await appFor(null).request('/api/health')).status).toBe(200);
  });

  it('lets a one-time password reach only the routes that replace it', async () => {
    const res = await appFor(user('admin'), true).request('/api/settings');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('password_change_required');
    expect((await appFor(user('admin'), true).request('/api/me')).status).toBe(200);
  });

  it('refuses a route the table does not list, as a fault, even for an admin', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await appFor(user('admin')).request('/api/not-in-the-table');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('leaked');
  });
});
