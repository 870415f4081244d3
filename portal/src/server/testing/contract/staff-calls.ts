import { aiCandidate } from '@sightline/db/schema/catalog';
import { emailOutbox } from '@sightline/db/schema/mail';
import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import {
  createVendor,
  defaultUseContext,
  dueInDays,
  json,
  tokenOf,
} from '../../features/assessments/assessment-test-kit';
import { samplePdf } from '../../features/evidence/sample-files';
import { runWorkerTick, workers } from '../../workers';
import { type ContractContext, submittedAssessment } from './contract-context';

/** One call of the walk: the route it calls (`METHOD /pattern`), and how, with valid input. */
export type ContractCall = { route: string; call: (c: ContractContext) => Promise<Response> };

const customEntry = {
  id: 'contract-assistant',
  name: 'Contract Assistant',
  vendor: 'Contract IT',
  website: 'https://assistant.contract.example',
  category: 'conversational',
  rules: [{ kind: 'domain', value: 'assistant.contract.example' }],
};

async function candidateId(c: ContractContext, host: string): Promise<string> {
  const [row] = await c.t.deps.db
    .select({ id: aiCandidate.id })
    .from(aiCandidate)
    .where(eq(aiCandidate.host, host));
  if (!row) throw new Error(`no candidate ${host}`);
  return row.id;
}

/**
 * The staff routes that change something, in an order where each finds what it needs: users,
 * outbox, devices, policy, settings, directory, requests, candidates, catalog, templates, vendors,
 * assessments, the review of the world's assessment up to its decision and reassessment, inventory.
 */
export const staffCalls: ContractCall[] = [
  {
    route: 'POST /api/outbox/:id/retry',
    call: async (c) => {
      // Without SMTP the mail worker parks due mails as held; a held mail whose link still works
      // can be queued again. The test clock stood still while the world's mails were written.
      c.t.clock.set(new Date());
      await runWorkerTick(workers.find((w) => w.name === 'mail')!, c.t.deps);
      const [held] = await c.t.deps.db
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.status, 'held'),
            or(isNull(emailOutbox.secretLinkKind), isNotNull(emailOutbox.secretLink)),
          ),
        )
        .limit(1);
      if (!held) throw new Error('no held mail to retry');
      return c.as('admin', 'POST', `/api/outbox/${held.id}/retry`);
    },
  },
  {
    route: 'POST /api/users/invitations',
    call: async (c) => {
      const json = { email: 'contract-invitee@example.test', name: 'Contract Invitee', role: 'viewer' };
      const res = await c.as('admin', 'POST', '/api/users/invitations', { json });
      const body = (await res.clone().json()) as { link?: string };
      if (body.link) c.save('invitation-token', tokenOf(body.link));
      return res;
    },
  },
  {
    route: 'POST /api/invitations/accept',
    call: (c) =>
      c.t.request('/api/invitations/accept', {
        method: 'POST',
        json: { token: c.saved('invitation-token'), password: 'Quartz-Lantern-91-Orbit' },
      }),
  },
  {
    route: 'DELETE /api/users/invitations/:id',
    call: (c) => c.as('admin', 'DELETE', `/api/users/invitations/${c.param('invitations/:id')}`),
  },
  {
    route: 'PATCH /api/users/:id',
    call: (c) => c.as('admin', 'PATCH', `/api/users/${c.param('users/:id')}`, { json: { role: 'viewer' } }),
  },
  {
    route: 'POST /api/enrollment-tokens',
    call: async (c) => {
      const res = await c.as('admin', 'POST', '/api/enrollment-tokens', { json: { label: 'Contract' } });
      const body = (await res.clone().json()) as { id: string; token: string };
      c.save('token-id', body.id);
      c.save('token', body.token);
      return res;
    },
  },
  {
    route: 'POST /api/ext/enroll',
    call: async (c) => {
      const res = await c.t.request('/api/ext/enroll', {
        method: 'POST',
        json: { token: c.saved('token'), userHint: 'grace@example.com', browser: 'firefox' },
        headers: { 'x-forwarded-for': '203.0.113.77' },
      });
      c.save('device-id', ((await res.clone().json()) as { deviceId: string }).deviceId);
      return res;
    },
  },
  {
    route: 'POST /api/devices/:id/revoke',
    call: (c) => c.as('admin', 'POST', `/api/devices/${c.saved('device-id')}/revoke`),
  },
  {
    route: 'POST /api/enrollment-tokens/:id/revoke',
    call: (c) => c.as('admin', 'POST', `/api/enrollment-tokens/${c.saved('token-id')}/revoke`),
  },
  {
    route: 'PUT /api/policy/services/:serviceId',
    call: (c) =>
      c.as('procurement', 'PUT', '/api/policy/services/anthropic-claude', {
        json: { state: 'conditional', conditions: 'No customer data' },
      }),
  },
  {
    route: 'POST /api/policy/services/bulk',
    call: (c) =>
      c.as('procurement', 'POST', '/api/policy/services/bulk', {
        json: { serviceIds: ['anthropic-claude', 'openai-chatgpt'], policy: { state: 'approved' } },
      }),
  },
  {
    route: 'PATCH /api/settings',
    call: (c) => c.as('admin', 'PATCH', '/api/settings', { json: { name: 'Contract Org' } }),
  },
  {
    route: 'POST /api/directory/departments/import',
    call: (c) => {
      const form = new FormData();
      form.set('file', new Blob(['email,department\nada@example.com,Support\n']), 'departments.csv');
      return c.as('admin', 'POST', '/api/directory/departments/import', { body: form });
    },
  },
  {
    route: 'PATCH /api/requests/:id',
    call: (c) =>
      c.as('procurement', 'PATCH', `/api/requests/${c.param('requests/:id')}`, {
        json: { status: 'rejected' },
      }),
  },
  {
    route: 'POST /api/candidates/:id/accept',
    call: async (c) =>
      c.as('procurement', 'POST', `/api/candidates/${await candidateId(c, 'contract-one.ai')}/accept`, {
        json: {},
      }),
  },
  {
    route: 'POST /api/candidates/:id/dismiss',
    call: async (c) =>
      c.as('procurement', 'POST', `/api/candidates/${await candidateId(c, 'contract-two.ai')}/dismiss`, {
        json: {},
      }),
  },
  {
    route: 'POST /api/catalog/custom',
    call: (c) => c.as('procurement', 'POST', '/api/catalog/custom', { json: customEntry }),
  },
  {
    route: 'PUT /api/catalog/custom/:id',
    call: (c) =>
      c.as('procurement', 'PUT', '/api/catalog/custom/contract-assistant', {
        json: { ...customEntry, name: 'Contract Assistant 2' },
      }),
  },
  {
    route: 'DELETE /api/catalog/custom/:id',
    call: (c) => c.as('procurement', 'DELETE', '/api/catalog/custom/contract-assistant'),
  },
  {
    route: 'POST /api/templates/:id/clone',
    call: (c) =>
      c.as('procurement', 'POST', `/api/templates/${c.param('templates/:id')}/clone`, {
        json: { key: 'contract-clone' },
      }),
  },
  {
    route: 'POST /api/templates/import',
    call: async (c) => {
      const template = await json<{ definition: Record<string, unknown> }>(
        await c.as('procurement', 'GET', `/api/templates/${c.param('templates/:id')}`),
        200,
      );
      const source = JSON.stringify({ ...template.definition, key: 'contract-import', version: 1 });
      return c.as('procurement', 'POST', '/api/templates/import', { json: { format: 'json', source } });
    },
  },
  {
    route: 'POST /api/vendors',
    call: async (c) => {
      const res = await c.as('procurement', 'POST', '/api/vendors', { json: { name: 'Contract Vendor' } });
      c.save('vendor', ((await res.clone().json()) as { id: string }).id);
      return res;
    },
  },
  {
    route: 'PATCH /api/vendors/:id',
    call: (c) => c.as('procurement', 'PATCH', `/api/vendors/${c.saved('vendor')}`, { json: { tier: 'low' } }),
  },
  {
    route: 'POST /api/vendors/:id/contacts',
    call: (c) =>
      c.as('procurement', 'POST', `/api/vendors/${c.saved('vendor')}/contacts`, {
        json: { name: 'Cora Contract', email: 'cora@contract.example' },
      }),
  },
  {
    route: 'DELETE /api/vendors/:id/contacts/:contactId',
    call: (c) =>
      c.as(
        'procurement',
        'DELETE',
        `/api/vendors/${c.param('vendors/:id')}/contacts/${c.param('contacts/:contactId')}`,
      ),
  },
  {
    route: 'POST /api/vendors/:id/documents',
    call: (c) => {
      const form = new FormData();
      form.set('title', 'DPA');
      form.set('kind', 'dpa');
      form.set('file', new Blob([new Uint8Array(samplePdf())]), 'dpa.pdf');
      return c.as('procurement', 'POST', `/api/vendors/${c.saved('vendor')}/documents`, { body: form });
    },
  },
  {
    route: 'DELETE /api/vendors/:id/documents/:documentId',
    call: (c) =>
      c.as(
        'procurement',
        'DELETE',
        `/api/vendors/${c.param('vendors/:id')}/documents/${c.param('documents/:documentId')}`,
      ),
  },
  {
    route: 'POST /api/vendors/:id/incidents',
    call: (c) =>
      c.as('procurement', 'POST', `/api/vendors/${c.saved('vendor')}/incidents`, {
        json: { occurredOn: dueInDays(c.t, -1), description: 'Outage', severity: 'low', source: 'internal' },
      }),
  },
  {
    route: 'POST /api/assessments',
    call: async (c) => {
      const res = await c.as('procurement', 'POST', '/api/assessments', {
        json: {
          vendorId: c.saved('vendor'),
          respondentName: 'Cora Contract',
          respondentEmail: 'cora@contract.example',
          dueOn: dueInDays(c.t, 21),
          useContext: defaultUseContext,
        },
      });
      c.save('draft', ((await res.clone().json()) as { id: string }).id);
      return res;
    },
  },
  {
    route: 'PATCH /api/assessments/:id',
    call: (c) =>
      c.as('procurement', 'PATCH', `/api/assessments/${c.saved('draft')}`, {
        json: { dueOn: dueInDays(c.t, 30) },
      }),
  },
  {
    route: 'POST /api/assessments/:id/send',
    call: (c) => c.as('procurement', 'POST', `/api/assessments/${c.saved('draft')}/send`),
  },
  {
    route: 'POST /api/assessments/:id/resend',
    call: (c) => c.as('procurement', 'POST', `/api/assessments/${c.saved('draft')}/resend`, { json: {} }),
  },
  {
    route: 'POST /api/assessments/:id/revoke',
    call: (c) =>
      c.as('procurement', 'POST', `/api/assessments/${c.saved('draft')}/revoke`, {
        json: { reason: 'Done' },
      }),
  },
  {
    route: 'POST /api/assessments/:id/start-review',
    call: async (c) => {
      c.save('second', await submittedAssessment(c, await createVendor(c.t, 'Second Contract Vendor')));
      return c.as('reviewer', 'POST', `/api/assessments/${c.saved('second')}/start-review`);
    },
  },
  {
    route: 'POST /api/assessments/:id/comments',
    call: (c) =>
      c.as('reviewer', 'POST', `/api/assessments/${c.saved('second')}/comments`, {
        json: { questionId: 'prov.models', comment: 'Name the models' },
      }),
  },
  {
    route: 'POST /api/assessments/:id/request-changes',
    call: (c) =>
      c.as('reviewer', 'POST', `/api/assessments/${c.saved('second')}/request-changes`, { json: {} }),
  },
];
