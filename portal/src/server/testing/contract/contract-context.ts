import type { StaffRole } from '@sightline/shared/auth/roles';
import type { PublicTemplate } from '@sightline/shared/questionnaire/public-view';
import {
  completeAnswers,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../../features/assessments/assessment-test-kit';
import { samplePdf } from '../../features/evidence/sample-files';
import type { FuzzWorld } from '../fuzz/fuzz-world';
import type { TestApp } from '../test-app';

type Body = { json?: unknown; body?: BodyInit };

/**
 * What the contract calls share: the app, the fuzz test's world of fixtures, and the ids and links
 * earlier calls made (a call may set up what a later one acts on).
 */
export type ContractContext = ReturnType<typeof contractContext>;

export function contractContext(t: TestApp, world: FuzzWorld) {
  const saved = new Map<string, string>();
  const param = (key: string): string => {
    const value = world.realParams[key];
    if (!value) throw new Error(`no fixture for ${key}`);
    return value;
  };
  return {
    t,
    world,
    param,
    /** Something an earlier call stored, by name. */
    saved: (name: string): string => {
      const value = saved.get(name);
      if (!value) throw new Error(`no earlier call saved ${name}`);
      return value;
    },
    save: (name: string, value: string) => void saved.set(name, value),
    /** A call as a signed-in staff member of the role. */
    async as(role: StaffRole, method: string, path: string, body: Body = {}): Promise<Response> {
      return t.request(path, { method, cookie: await t.signInAs(role), ...body });
    },
    /** A call with the world's enrolled device credential. */
    async device(method: string, path: string, body: Body = {}): Promise<Response> {
      const { headers } = await world.credentials('device');
      return t.request(path, { method, headers, ...body });
    },
    /** A call with a questionnaire link (the world's own when none is named). */
    async vendor(method: string, path: string, body: Body = {}, token?: string): Promise<Response> {
      if (token) return vendorCall(t, token, path, { method, ...body, from: freshAddress() });
      const { headers } = await world.credentials('vendor-token');
      return t.request(path, { method, headers: { ...headers, 'x-forwarded-for': freshAddress() }, ...body });
    },
  };
}

/** A second assessment taken into review (sent, answered, submitted), for the calls that end a review. */
export async function submittedAssessment(c: ContractContext, vendorId: string): Promise<string> {
  const sent = await sendAssessment(c.t, vendorId);
  const view = await json<{ template: PublicTemplate }>(
    await c.vendor('GET', '/api/vendor/assessment', {}, sent.token),
    200,
  );
  await json(
    await c.vendor(
      'PUT',
      '/api/vendor/answers',
      { json: { answers: completeAnswers(view.template) } },
      sent.token,
    ),
    200,
  );
  await json(await c.vendor('POST', '/api/vendor/evidence', { body: penTestForm() }, sent.token), 201);
  await json(await c.vendor('POST', '/api/vendor/submit', {}, sent.token), 200);
  return sent.id;
}

/** A pen test report as the vendor page uploads it. */
export function penTestForm(): FormData {
  const form = new FormData();
  form.set('questionId', 'evd.pen_test');
  form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
  return form;
}
