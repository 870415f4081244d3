import { type StaffRole, staffRoles } from '@sightline/shared/auth/roles';
import { expect } from 'vitest';
import {
  createVendor,
  dueInDays,
  json,
  sendAssessment,
} from '../../features/assessments/assessment-test-kit';
import { enrollTestDevice } from '../../features/extension-api/test-helpers';
import { createMailer } from '../../mail/mailer';
import { deliverDueMail } from '../../mail/outbox';
import type { SmtpSink } from '../smtp-sink';
import type { TestApp } from '../test-app';

/** Every bearer secret the portal hands out, by name, and where the fixtures that hold them are. */
export type PlantedSecrets = {
  cookies: Map<StaffRole, string>;
  secrets: Map<string, string>;
  ids: { device: string; template: string; vendor: string; assessments: string[] };
  heldVendorToken: string;
  deviceCredential: string;
};

/** The mailer of a portal without SMTP: mails wait in the outbox, held, for staff to pass on. */
export const noSmtp = createMailer(undefined, 'Sightline <sightline@test>');

/** Sends the mail that is due now. */
export async function deliver(t: TestApp) {
  t.clock.set(new Date());
  return deliverDueMail(t.serviceDeps());
}

/** The raw session token inside a `better-auth.session_token=<token>.<signature>` cookie. */
function sessionTokenOf(cookie: string): string {
  return decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0]!;
}

/**
 * Hands out one of every bearer secret: a session per staff role, two invitations and a questionnaire
 * link held without SMTP, a questionnaire link mailed over SMTP (to `sink`), an enrollment token and
 * the device credential it was exchanged for. Leaves the app without SMTP.
 */
export async function plantSecrets(t: TestApp, sink: SmtpSink): Promise<PlantedSecrets> {
  const cookies = new Map<StaffRole, string>();
  const secrets = new Map<string, string>();
  const ids: PlantedSecrets['ids'] = { device: '', template: '', vendor: '', assessments: [] };
  for (const role of staffRoles) {
    cookies.set(role, await t.signInAs(role));
    secrets.set(`${role} session`, sessionTokenOf(cookies.get(role)!));
  }
  const admin = cookies.get('admin')!;
  const procurement = cookies.get('procurement')!;

  // Held mails (no SMTP): two invitations and a questionnaire link.
  t.deps.mailer = noSmtp;
  for (const role of ['admin', 'procurement'] as const) {
    const invited = await json<{ link: string }>(
      await t.request('/api/users/invitations', {
        method: 'POST',
        cookie: admin,
        json: { email: `new-${role}@example.test`, name: `New ${role}`, role },
      }),
      201,
    );
    secrets.set(`${role} invitation`, invited.link.split('#')[1]!);
  }
  ids.vendor = await createVendor(t, 'Exposure AI');
  const held = await sendAssessment(t, ids.vendor, { respondentEmail: 'held@exposure.example' });
  secrets.set('held vendor link', held.token);
  ids.assessments.push(held.id);
  await deliver(t);

  // A mail that went out over SMTP.
  t.deps.mailer = createMailer(sink.url, 'Sightline <sightline@test>');
  const sent = await json<{ id: string }>(
    await t.request('/api/assessments', {
      method: 'POST',
      cookie: procurement,
      json: {
        vendorId: ids.vendor,
        respondentName: 'Sam',
        respondentEmail: 'sent@exposure.example',
        dueOn: dueInDays(t, 21),
        send: true,
      },
    }),
    201,
  );
  ids.assessments.push(sent.id);
  expect(await deliver(t)).toBe(1);
  const mailed = sink.to('sent@exposure.example')[0]!.raw.match(/\/v#([A-Za-z0-9_-]{43})/)![1]!;
  secrets.set('sent vendor link', mailed);
  t.deps.mailer = noSmtp;

  // An enrollment token and the device credential it was exchanged for.
  const device = await enrollTestDevice(t);
  secrets.set('enrollment token', device.token);
  secrets.set('device credential', device.credential);
  ids.device = device.deviceId;

  const templates = await json<{ templates: { id: string }[] }>(
    await t.request('/api/templates', { cookie: admin }),
    200,
  );
  ids.template = templates.templates[0]!.id;
  expect(secrets.size).toBe(staffRoles.length + 6);
  return { cookies, secrets, ids, heldVendorToken: held.token, deviceCredential: device.credential };
}
