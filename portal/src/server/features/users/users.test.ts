import { staffInvitation } from '@sightline/db/schema/auth';
import { emailOutbox } from '@sightline/db/schema/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAs('admin');
});
afterAll(() => t?.close());

describe('inviting staff', () => {
  let link = '';

  it('invites a reviewer: without SMTP the link is returned once and held for the mail; only its hash is stored', async () => {
    const res = await t.request('/api/users/invitations', {
      method: 'POST',
      cookie: admin,
      json: { email: 'Rae@Example.test', name: 'Rae', role: 'reviewer' },
    });
    expect(res.status).toBe(201);
    link = ((await res.json()) as { link: string }).link;
    const token = link.split('#')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.deps.db.select().from(staffInvitation);
    expect(stored?.email).toBe('rae@example.test');
    expect(stored?.tokenHash).not.toContain(token);
    const mails = await t.deps.db.select().from(emailOutbox);
    const mail = mails.find((m) => m.toAddress === 'rae@example.test');
    expect(mail).toMatchObject({ secretLink: link, secretLinkKind: 'staff_invitation' });
    expect(mail!.textBody).not.toContain(token);
  });

  it('refuses a second account for the same email', async () => {
    await t.signInAs('viewer');
    const res = await t.request('/api/users/invitations', {
      method: 'POST',
      cookie: admin,
      json: { email: 'viewer@example.test', name: 'V', role: 'viewer' },
    });
    expect(res.status).toBe(409);
  });

  it('refuses a password that is easy to guess, says why, and leaves the invitation open', async () => {
    const token = link.split('#')[1]!;
    for (const [password, why] of [
      ['aaaaaaaaaaaa', /repeats the same character/],
      ['qwerty123456', /common passwords/],
      ['Rae@Example.test', /email address/],
      ['rae likes long walks', /"rae"/],
    ] as const) {
      const res = await t.request('/api/invitations/accept', { method: 'POST', json: { token, password } });
      expect(res.status, password).toBe(400);
      expect((await errorOf(res)).error.message).toMatch(why);
    }
    const list = (await (await t.request('/api/users', { cookie: admin })).json()) as {
      users: { email: string }[];
    };
    expect(list.users.map((u) => u.email)).not.toContain('rae@example.test');
  });

  it('lets the invitee choose a password once and sign in with the invited role', async () => {
    const token = link.split('#')[1]!;
    const accept = await t.request('/api/invitations/accept', {
      method: 'POST',
      json: { token, password: 'a long enough password' },
    });
    expect(accept.status).toBe(201);
    const again = await t.request('/api/invitations/accept', {
      method: 'POST',
      json: { token, password: 'a long enough password' },
    });
    expect(again.status).toBe(404);
    const signIn = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: 'rae@example.test', password: 'a long enough password' },
    });
    expect(signIn.status).toBe(200);
    const me = await t.request('/api/me', { cookie: sessionCookie(signIn) });
    expect(await me.json()).toMatchObject({ user: { role: 'reviewer' } });
  });

  it('changes a role, keeps the last admin, and shows it all in a verified audit trail', async () => {
    const list = (await (await t.request('/api/users', { cookie: admin })).json()) as {
      users: { id: string; email: string; role: string }[];
    };
    const rae = list.users.find((u) => u.email === 'rae@example.test')!;
    const change = await t.request(`/api/users/${rae.id}`, {
      method: 'PATCH',
      cookie: admin,
      json: { role: 'approver' },
    });
    expect(change.status).toBe(200);
    const self = list.users.find((u) => u.email === 'admin@example.test')!;
    const demote = await t.request(`/api/users/${self.id}`, {
      method: 'PATCH',
      cookie: admin,
      json: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);

    const audit = (await (await t.request('/api/audit', { cookie: admin })).json()) as {
      items: { action: string; details: Record<string, unknown> }[];
    };
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['staff.invited', 'staff.invitation_accepted', 'staff.role_changed']),
    );
    expect(JSON.stringify(audit.items)).not.toContain(link.split('#')[1]!);
    const verify = await t.request('/api/audit/verify', { cookie: admin });
    expect(await verify.json()).toMatchObject({ ok: true });
  });
});
