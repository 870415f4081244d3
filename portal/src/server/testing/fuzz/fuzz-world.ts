import { evidenceFile, questionnaireTemplate } from '@sightline/db/schema/assessments';
import { staffInvitation, user } from '@sightline/db/schema/auth';
import { aiCandidate } from '@sightline/db/schema/catalog';
import { finding } from '@sightline/db/schema/findings';
import { aiSystemSupplier } from '@sightline/db/schema/inventory';
import { emailOutbox } from '@sightline/db/schema/mail';
import { ssoProvider } from '@sightline/db/schema/sso';
import { throttleBucket } from '@sightline/db/schema/throttle';
import { staffRoles } from '@sightline/shared/auth/roles';
import type { PublicTemplate } from '@sightline/shared/questionnaire/public-view';
import { eq } from 'drizzle-orm';
import {
  completeAnswers,
  createVendor,
  dueInDays,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../../features/assessments/assessment-test-kit';
import { requestAccess } from '../../features/decisions/decision-test-kit';
import { samplePdf } from '../../features/evidence/sample-files';
import { enrollTestDevice } from '../../features/extension-api/test-helpers';
import type { RouteAccess } from '../../route-access';
import type { TestApp } from '../test-app';
import type { InventoriedRoute } from './route-inventory';

/**
 * One of everything a route can name in its path (a vendor with a contact and a document, an
 * assessment under review with evidence, a comment, an override and a finding, a device with an access
 * request and a candidate, a custom catalog entry, an AI system with a supplier, …), so that fuzzed
 * requests reach the code behind the "not found" check. Also the credentials each kind of route takes.
 */
export async function buildFuzzWorld(t: TestApp) {
  const cookies = new Map<string, string>();
  for (const role of staffRoles) cookies.set(role, await t.signInAs(role));
  const admin = cookies.get('admin')!;
  const procurement = cookies.get('procurement')!;
  const db = t.deps.db;
  const first = async <T>(rows: Promise<T[]>): Promise<T> => {
    const [row] = await rows;
    if (!row) throw new Error('fuzz world: a fixture row is missing');
    return row;
  };

  const viewer = await first(
    db.select({ id: user.id }).from(user).where(eq(user.email, 'viewer@example.test')),
  );
  await json(
    await t.request('/api/users/invitations', {
      method: 'POST',
      cookie: admin,
      json: { email: 'invitee@example.test', name: 'Invitee', role: 'viewer' },
    }),
    201,
  );
  const invitation = await first(db.select({ id: staffInvitation.id }).from(staffInvitation).limit(1));
  const mail = await first(db.select({ id: emailOutbox.id }).from(emailOutbox).limit(1));
  const template = await first(
    db.select({ id: questionnaireTemplate.id }).from(questionnaireTemplate).limit(1),
  );

  const device = await enrollTestDevice(t);
  const requestId = await requestAccess(t, device, 'openai-chatgpt');
  await json(
    await t.request('/api/ext/candidates', {
      method: 'POST',
      headers: device.auth,
      json: { candidates: [{ host: 'newthing.ai', signals: ['ai-tld'] }] },
    }),
    200,
  );
  const candidate = await first(db.select({ id: aiCandidate.id }).from(aiCandidate).limit(1));

  const vendorId = await createVendor(t, 'Fuzz Vendor Ltd');
  const contact = await json<{ id: string }>(
    await t.request(`/api/vendors/${vendorId}/contacts`, {
      method: 'POST',
      cookie: procurement,
      json: { name: 'Vera Vendor', email: 'vera@acme.example' },
    }),
    201,
  );
  const documentForm = new FormData();
  documentForm.set('title', 'Pen test');
  documentForm.set('kind', 'report');
  documentForm.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
  const document = await json<{ id: string }>(
    await t.request(`/api/vendors/${vendorId}/documents`, {
      method: 'POST',
      cookie: procurement,
      body: documentForm,
    }),
    201,
  );

  // An assessment taken into review, with a file, a comment, an override and findings.
  const reviewed = await sendAssessment(t, vendorId, { serviceId: 'openai-chatgpt' });
  const view = await json<{ template: PublicTemplate }>(
    await vendorCall(t, reviewed.token, '/api/vendor/assessment', { from: freshAddress() }),
    200,
  );
  await json(
    await vendorCall(t, reviewed.token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: completeAnswers(view.template) },
      from: freshAddress(),
    }),
    200,
  );
  await json(await uploadPdf(t, reviewed.token), 201);
  await json(
    await vendorCall(t, reviewed.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
    200,
  );
  const reviewer = cookies.get('reviewer')!;
  await json(
    await t.request(`/api/assessments/${reviewed.id}/start-review`, { method: 'POST', cookie: reviewer }),
    200,
  );
  const comment = await json<{ id: string }>(
    await t.request(`/api/assessments/${reviewed.id}/comments`, {
      method: 'POST',
      cookie: reviewer,
      json: { questionId: 'prov.models', comment: 'Which models exactly?' },
    }),
    201,
  );
  const overriddenQuestion = 'inc.process';
  await json(
    await t.request(`/api/assessments/${reviewed.id}/overrides`, {
      method: 'POST',
      cookie: reviewer,
      json: { questionId: overriddenQuestion, points: 1, reason: 'Runbook seen on a call' },
    }),
    200,
  );
  const staffEvidence = await first(
    db.select({ id: evidenceFile.id }).from(evidenceFile).where(eq(evidenceFile.assessmentId, reviewed.id)),
  );
  const reviewFinding = await first(
    db.select({ id: finding.id }).from(finding).where(eq(finding.assessmentId, reviewed.id)).limit(1),
  );

  // A questionnaire the vendor is still answering: the vendor-link routes act on it.
  const linked = await sendAssessment(t, await createVendor(t, 'Linked Vendor GmbH'));
  const vendorEvidence = await json<{ id: string }>(await uploadPdf(t, linked.token), 201);

  const custom = await json<{ entry: { id: string } }>(
    await t.request('/api/catalog/custom', {
      method: 'POST',
      cookie: procurement,
      json: {
        id: 'fuzz-internal-assistant',
        name: 'Fuzz Assistant',
        vendor: 'Fuzz IT',
        website: 'https://assistant.fuzz.example',
        category: 'conversational',
        rules: [{ kind: 'domain', value: 'assistant.fuzz.example' }],
      },
    }),
    201,
  );
  const system = await json<{ id: string }>(
    await t.request('/api/inventory', {
      method: 'POST',
      cookie: admin,
      json: { name: 'Support drafts', purpose: 'Drafting replies', owner: 'Support' },
    }),
    201,
  );
  await json(
    await t.request(`/api/inventory/${system.id}/suppliers`, {
      method: 'PUT',
      cookie: admin,
      json: { vendorId, responsibilities: {} },
    }),
    200,
  );
  const supplier = await first(
    db
      .select({ id: aiSystemSupplier.id })
      .from(aiSystemSupplier)
      .where(eq(aiSystemSupplier.aiSystemId, system.id)),
  );

  // A single sign-on provider, stored as the admin route stores one (that route needs a live issuer).
  await db.insert(ssoProvider).values({
    id: 'fuzz-sso-provider',
    providerId: 'fuzz-idp',
    issuer: 'http://127.0.0.1:9',
    oidcConfig: JSON.stringify({ issuer: 'http://127.0.0.1:9', clientId: 'fuzz', pkce: true }),
    domain: 'fuzz-sso.example',
    label: 'Fuzz IdP',
    groupsClaim: 'groups',
    roleRules: [{ group: 'staff', role: 'viewer' }],
  });

  /** A real value for each path parameter, keyed by the segment before it: "vendors/:id". */
  const realParams: Record<string, string> = {
    'users/:id': viewer.id,
    'invitations/:id': invitation.id,
    'outbox/:id': mail.id,
    'templates/:id': template.id,
    'vendors/:id': vendorId,
    'contacts/:contactId': contact.id,
    'documents/:documentId': document.id,
    'assessments/:id': reviewed.id,
    'comments/:commentId': comment.id,
    'evidence/:evidenceId': staffEvidence.id,
    'overrides/:questionId': overriddenQuestion,
    'findings/:id': reviewFinding.id,
    'devices/:id': device.deviceId,
    'enrollment-tokens/:id': device.tokenId,
    'requests/:id': requestId,
    'candidates/:id': candidate.id,
    'custom/:id': custom.entry.id,
    'inventory/:id': system.id,
    'suppliers/:supplierId': supplier.id,
    'services/:serviceId': 'openai-chatgpt',
    'evidence/:id': vendorEvidence.id,
    'providers/:providerId': 'fuzz-idp',
    'callback/:providerId': 'fuzz-idp',
  };

  const missing = Object.entries(realParams).filter(([, v]) => typeof v !== 'string');
  if (missing.length) throw new Error(`fuzz world: no value for ${missing.map(([k]) => k).join(', ')}`);

  const questionIds = view.template.sections.flatMap((s) => s.questions.map((q) => q.id));
  /** Real text valid input may use: ids that exist, question and service ids, dates, addresses. */
  const hints = {
    strings: [
      ...Object.values(realParams),
      template.id,
      ...questionIds.slice(0, 40),
      'anthropic-claude',
      'openai-chatgpt',
      dueInDays(t, 30),
      '2000-02-29',
      '9999-12-31',
      '1970-01-01',
      'vera@acme.example',
      'ada@example.com',
      'admin@example.test',
      'viewer@example.test',
    ],
    // Catalog rules check host names beyond what a pattern can say.
    byField: {
      value: ['assistant.fuzz.example', 'newthing.ai', 'api.openai.com', 'chat.example.ai'],
      host: ['assistant.fuzz.example', 'api.openai.com'],
      website: ['https://assistant.fuzz.example/', 'https://chatgpt.com/'],
      id: ['fuzz-internal-assistant'],
      // Single sign-on settings: the openid scope zod requires, and an issuer that answers at once (refused).
      scopes: ['openid'],
      issuer: ['http://127.0.0.1:9/'],
      domains: ['fuzz-other.example'],
    },
  };

  let vendorCalls = 0;
  /** The credential a route takes, for the role (or link, or device) allowed to reach it. */
  async function credentials(
    access: RouteAccess | undefined,
  ): Promise<{ cookie?: string; headers: Record<string, string> }> {
    if (access === 'device') return { headers: { ...device.auth } };
    if (access === 'vendor-token') {
      // A valid link may make 600 calls in ten minutes: start a fresh window before it runs out.
      if (++vendorCalls % 500 === 0) await db.delete(throttleBucket);
      return { headers: { 'x-assessment-token': linked.token, 'x-forwarded-for': '203.0.113.9' } };
    }
    if (Array.isArray(access)) {
      const role = access.includes('admin') ? 'admin' : access[0]!;
      return { cookie: cookies.get(role)!, headers: {} };
    }
    return { headers: { 'x-forwarded-for': freshAddress() } };
  }

  /** The real id for a route's parameter, or `undefined` when the world has none (a new route: add one). */
  function realParam(route: InventoriedRoute, name: string): string | undefined {
    const segments = route.path.split('/');
    const at =
      segments.indexOf(`:${name}`) >= 0
        ? segments.indexOf(`:${name}`)
        : segments.findIndex((s) => s.startsWith(`:${name}{`));
    return realParams[`${segments[at - 1]}/:${name}`];
  }

  return { hints, credentials, realParam, realParams };
}

export type FuzzWorld = Awaited<ReturnType<typeof buildFuzzWorld>>;

function uploadPdf(t: TestApp, token: string) {
  const form = new FormData();
  form.set('questionId', 'evd.pen_test');
  form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
  return vendorCall(t, token, '/api/vendor/evidence', { method: 'POST', body: form, from: freshAddress() });
}
