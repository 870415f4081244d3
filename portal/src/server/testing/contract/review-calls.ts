import type { PublicTemplate } from '@sightline/shared/questionnaire/public-view';
import { completeAnswers, dueInDays, json, tokenOf } from '../../features/assessments/assessment-test-kit';
import { penTestForm } from './contract-context';
import type { ContractCall } from './staff-calls';

const reviewed = (c: { param: (key: string) => string }) => `/api/assessments/${c.param('assessments/:id')}`;

/**
 * The world's assessment under review, from evidence and overrides through findings to its decision
 * and the next cycle; then the inventory.
 */
export const reviewCalls: ContractCall[] = [
  {
    route: 'POST /api/assessments/:id/evidence/:evidenceId/verify',
    call: (c) =>
      c.as('reviewer', 'POST', `${reviewed(c)}/evidence/${c.param('evidence/:evidenceId')}/verify`, {
        json: { verified: true },
      }),
  },
  {
    route: 'POST /api/assessments/:id/overrides',
    call: (c) =>
      c.as('reviewer', 'POST', `${reviewed(c)}/overrides`, {
        json: { questionId: 'inc.process', points: 0.5, reason: 'Runbook seen on a call' },
      }),
  },
  {
    route: 'DELETE /api/assessments/:id/overrides/:questionId',
    call: (c) => c.as('reviewer', 'DELETE', `${reviewed(c)}/overrides/inc.process`, { json: {} }),
  },
  {
    route: 'DELETE /api/assessments/:id/comments/:commentId',
    call: (c) => c.as('reviewer', 'DELETE', `${reviewed(c)}/comments/${c.param('comments/:commentId')}`),
  },
  {
    route: 'POST /api/assessments/:id/findings',
    call: async (c) => {
      const res = await c.as('reviewer', 'POST', `${reviewed(c)}/findings`, {
        json: { questionId: 'prov.models', severity: 'low' },
      });
      c.save('finding', ((await res.clone().json()) as { id: string }).id);
      return res;
    },
  },
  {
    route: 'POST /api/findings/:id/send-to-vendor',
    call: (c) => c.as('reviewer', 'POST', `/api/findings/${c.saved('finding')}/send-to-vendor`),
  },
  {
    route: 'PATCH /api/findings/:id',
    call: (c) =>
      c.as('reviewer', 'PATCH', `/api/findings/${c.param('findings/:id')}`, {
        json: { dueOn: dueInDays(c.t, 14) },
      }),
  },
  {
    route: 'POST /api/findings/:id/transition',
    call: (c) =>
      c.as('reviewer', 'POST', `/api/findings/${c.param('findings/:id')}/transition`, {
        json: { event: 'start_remediation' },
      }),
  },
  {
    route: 'POST /api/assessments/:id/decision',
    call: (c) =>
      c.as('approver', 'POST', `${reviewed(c)}/decision`, {
        json: { outcome: 'reject', reason: 'Not enough assurance for our use' },
      }),
  },
  {
    route: 'GET /api/assessments/:id/decision',
    call: (c) => c.as('auditor', 'GET', `${reviewed(c)}/decision`),
  },
  {
    route: 'POST /api/assessments/:id/reassessment',
    call: async (c) => {
      const res = await c.as('procurement', 'POST', `${reviewed(c)}/reassessment`, {
        json: { dueOn: dueInDays(c.t, 21) },
      });
      const body = (await res.clone().json()) as { id: string; link?: string };
      c.save('next-cycle', body.id);
      if (body.link) c.save('next-cycle-token', tokenOf(body.link));
      return res;
    },
  },
  {
    route: 'GET /api/assessments/:id/cycle-diff',
    call: (c) => c.as('auditor', 'GET', `/api/assessments/${c.saved('next-cycle')}/cycle-diff`),
  },
  {
    route: 'POST /api/inventory',
    call: async (c) => {
      const res = await c.as('procurement', 'POST', '/api/inventory', {
        json: { name: 'Contract drafts', purpose: 'Drafting contracts', owner: 'Legal' },
      });
      c.save('system', ((await res.clone().json()) as { id: string }).id);
      return res;
    },
  },
  {
    route: 'PATCH /api/inventory/:id',
    call: (c) =>
      c.as('procurement', 'PATCH', `/api/inventory/${c.saved('system')}`, { json: { owner: 'Legal ops' } }),
  },
  {
    route: 'PUT /api/inventory/:id/suppliers',
    call: (c) =>
      c.as('procurement', 'PUT', `/api/inventory/${c.saved('system')}/suppliers`, {
        json: { vendorId: c.param('vendors/:id'), responsibilities: {} },
      }),
  },
  {
    route: 'DELETE /api/inventory/:id/suppliers/:supplierId',
    call: (c) =>
      c.as(
        'procurement',
        'DELETE',
        `/api/inventory/${c.param('inventory/:id')}/suppliers/${c.param('suppliers/:supplierId')}`,
      ),
  },
];

/** The questionnaire links: the world's open questionnaire to its submit, and the next cycle's. */
export const vendorLinkCalls: ContractCall[] = [
  {
    route: 'PUT /api/vendor/answers',
    call: async (c) => {
      const view = await json<{ template: PublicTemplate }>(
        await c.vendor('GET', '/api/vendor/assessment'),
        200,
      );
      return c.vendor('PUT', '/api/vendor/answers', { json: { answers: completeAnswers(view.template) } });
    },
  },
  {
    route: 'DELETE /api/vendor/evidence/:id',
    call: (c) => c.vendor('DELETE', `/api/vendor/evidence/${c.param('evidence/:id')}`),
  },
  {
    route: 'POST /api/vendor/evidence',
    call: (c) => c.vendor('POST', '/api/vendor/evidence', { body: penTestForm() }),
  },
  {
    route: 'POST /api/vendor/colleagues',
    call: (c) =>
      c.vendor('POST', '/api/vendor/colleagues', {
        json: { name: 'Cal Colleague', email: 'cal@acme.example' },
      }),
  },
  { route: 'POST /api/vendor/submit', call: (c) => c.vendor('POST', '/api/vendor/submit') },
  {
    route: 'POST /api/vendor/answers/confirm',
    call: async (c) => {
      // An answer the next cycle carried over from this one, not yet confirmed or changed.
      const token = c.saved('next-cycle-token');
      const view = await json<{ carried?: Record<string, string> }>(
        await c.vendor('GET', '/api/vendor/assessment', {}, token),
        200,
      );
      const prefilled = Object.keys(view.carried ?? {}).filter((id) => view.carried?.[id] === 'prefilled');
      return c.vendor(
        'POST',
        '/api/vendor/answers/confirm',
        { json: { questionIds: prefilled.slice(0, 1) } },
        token,
      );
    },
  },
  {
    route: 'POST /api/vendor/material-changes',
    call: (c) =>
      c.vendor(
        'POST',
        '/api/vendor/material-changes',
        { json: { kind: 'region', description: 'Now also hosted in the US' } },
        c.saved('next-cycle-token'),
      ),
  },
];

/** The routes a browser's extension calls. */
export const deviceCalls: ContractCall[] = [
  {
    route: 'POST /api/ext/events',
    call: (c) =>
      c.device('POST', '/api/ext/events', {
        json: {
          events: [
            {
              id: crypto.randomUUID(),
              kind: 'visit',
              serviceId: 'openai-chatgpt',
              host: 'chatgpt.com',
              matchedRule: 'domain:chatgpt.com',
              occurredAt: c.t.clock.now().toISOString(),
            },
          ],
        },
      }),
  },
  {
    route: 'POST /api/ext/requests',
    call: (c) =>
      c.device('POST', '/api/ext/requests', {
        json: {
          clientRequestId: crypto.randomUUID(),
          serviceId: 'anthropic-claude',
          justification: 'Drafting replies to customers faster',
          intendedUse: 'Support replies',
          dataCategories: ['internal'],
        },
      }),
  },
  {
    route: 'POST /api/ext/candidates',
    call: (c) =>
      c.device('POST', '/api/ext/candidates', {
        json: {
          candidates: [
            { host: 'contract-one.ai', signals: ['ai-tld'] },
            { host: 'contract-two.ai', signals: ['ai-tld'] },
          ],
        },
      }),
  },
];
