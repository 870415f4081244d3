import { type APIRequestContext, expect, type request as playwrightRequest } from '@playwright/test';
import type { StaffRole } from '@sightline/shared/auth/roles';
import { linkIn, type startMailCatcher } from './assessment-smtp';
import type { RunningPortal } from './portal-process';

type RequestFactory = typeof playwrightRequest;
type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;

/** The first admin's API session (startPortal has already replaced the one-time password). */
export async function adminSession(
  request: RequestFactory,
  portal: RunningPortal,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: portal.url, extraHTTPHeaders: { origin: portal.url } });
  const signedIn = await api.post('/api/auth/sign-in/email', { data: portal.admin });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return api;
}

export type StaffMember = { email: string; name: string; role: StaffRole; password: string };

/**
 * Invites staff members as the admin; each accepts through the link that arrives by mail. All are
 * invited first, so their mails go out in the same rounds of the outbox worker.
 */
export async function inviteStaff(
  admin: APIRequestContext,
  request: RequestFactory,
  portal: RunningPortal,
  smtp: MailCatcher,
  people: readonly StaffMember[],
): Promise<void> {
  for (const person of people) {
    const invited = await admin.post('/api/users/invitations', {
      data: { email: person.email, name: person.name, role: person.role },
    });
    expect(invited.status(), await invited.text()).toBe(201);
  }
  // Invitees have no session: a fresh client, as their own browser would be.
  const invitee = await request.newContext({ baseURL: portal.url, extraHTTPHeaders: { origin: portal.url } });
  await Promise.all(
    people.map(async (person) => {
      const mail = await smtp.waitFor(person.email, /accept-invitation#/, 60_000);
      const token = linkIn(mail, `${portal.url}/accept-invitation#`).split('#')[1];
      const accepted = await invitee.post('/api/invitations/accept', {
        data: { token, password: person.password },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
    }),
  );
  await invitee.dispose();
}
