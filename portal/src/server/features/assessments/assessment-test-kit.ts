import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicTemplate } from '@sightline/shared/questionnaire/public-view';
import {
  publicUseContextSchema,
  type UseContext,
  useContextSchema,
} from '@sightline/shared/questionnaire/use-context';
import { visibleQuestions } from '@sightline/shared/questionnaire/visibility';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { expectJson } from '../../testing/typed-response';
import { ensureBuiltInTemplates } from '../templates/templates-service';

/** Test helpers shared by the assessment and vendor-page tests (not used by the running portal). */

export async function assessmentTestApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp(options);
  await ensureBuiltInTemplates(t.deps.db);
  return t;
}

export async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

type StaffApi = Awaited<ReturnType<TestApp['clientAs']>>['api'];
type NewVendor = Parameters<StaffApi['vendors']['$post']>[0]['json'];
type NewAssessment = Parameters<StaffApi['assessments']['$post']>[0]['json'];

export async function createVendor(t: TestApp, name = 'Acme AI Ltd', extra: Partial<NewVendor> = {}) {
  const { api } = await t.clientAs('procurement');
  return (await expectJson(api.vendors.$post({ json: { name, ...extra } }), 201)).id;
}

export function dueInDays(t: TestApp, days: number): string {
  return new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Creates and sends an assessment (no SMTP in tests, so the link comes back once), with the default
 * use context unless `extra` gives another.
 */
export async function sendAssessment(
  t: TestApp,
  vendorId: string,
  extra: Partial<NewAssessment> = {},
): Promise<{ id: string; token: string; link: string }> {
  const { api } = await t.clientAs('procurement');
  const body = await expectJson(
    api.assessments.$post({
      json: {
        vendorId,
        respondentName: 'Vera Vendor',
        respondentEmail: 'vera@acme.example',
        dueOn: dueInDays(t, 21),
        send: true,
        useContext: defaultUseContext,
        ...extra,
      },
    }),
    201,
  );
  // No SMTP in tests: the link comes back in the answer, this once.
  if (!body.link) throw new Error('no link in the answer: is SMTP configured in this test?');
  return { id: body.id, link: body.link, token: tokenOf(body.link) };
}

/** The link's token in an answer that carries it back (tests run without SMTP, so none is mailed). */
export function heldLinkToken(answer: object): string {
  const link = 'link' in answer && typeof answer.link === 'string' ? answer.link : undefined;
  if (!link) throw new Error('no link in the answer: is SMTP configured in this test?');
  return tokenOf(link);
}

export function tokenOf(link: string): string {
  const token = link.split('#')[1];
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

let address = 0;
/** A distinct client address per call site keeps one test's failed look-ups from throttling another's. */
export function freshAddress(): string {
  address += 1;
  return `198.51.100.${address % 250}`;
}

/** The typed client as the vendor page calls it: by link, each call from its own client address. */
export function vendorApi(t: TestApp, token: string) {
  return t.clientWith(() => ({ 'x-assessment-token': token, 'x-forwarded-for': freshAddress() })).api.vendor;
}

export function vendorCall(
  t: TestApp,
  token: string,
  path: string,
  opts: {
    method?: string;
    json?: unknown;
    body?: BodyInit;
    headers?: Record<string, string>;
    from?: string;
  } = {},
) {
  return t.request(path, {
    method: opts.method ?? 'GET',
    json: opts.json,
    body: opts.body,
    headers: { 'x-assessment-token': token, 'x-forwarded-for': opts.from ?? '192.0.2.1', ...opts.headers },
  });
}

const profileChoices: Record<string, unknown> = {
  'profile.purpose': 'Drafting internal documents',
  'profile.data_categories': ['internal'],
  'profile.user_count': 40,
  'profile.decisions_about_people': 'none',
  'profile.autonomy': 'none',
  'profile.ai_act_role': ['system_provider'],
  // v2: the first option would declare a general-purpose model of their own and show its questions.
  'profile.gpai_model': ['third_party'],
  'profile.ai_act_class': 'minimal',
};

/**
 * The use context tests send with an assessment unless they need another: a low-risk drafting aid,
 * the v2 counterpart of the v1 profile answers above.
 */
export const defaultUseContext: UseContext = {
  purpose: 'Drafting internal documents',
  dataCategories: ['internal'],
  expectedUsers: 40,
  decisionsAboutPeople: 'none',
  autonomy: 'none',
  euAiActClass: 'minimal',
};

/**
 * Answers for every visible non-file question, repeated until showing more questions reveals no
 * new ones: yes, the first option, some text, the smallest allowed number, a date.
 */
export function completeAnswers(
  template: PublicTemplate,
  overrides: Record<string, unknown> = {},
  context: UseContext = defaultUseContext,
): Answers {
  const answers: Record<string, { value: unknown }> = {};
  for (let round = 0; round < 10; round++) {
    let added = 0;
    for (const { question } of visibleQuestions(template, answers, context)) {
      if (question.type === 'file' || answers[question.id]) continue;
      answers[question.id] = {
        value: overrides[question.id] ?? profileChoices[question.id] ?? sample(question),
      };
      added += 1;
    }
    if (added === 0) break;
  }
  return answers;
}

function sample(question: PublicTemplate['sections'][number]['questions'][number]): unknown {
  const first = question.options?.find((o) => !o.exclusive)?.value ?? question.options?.[0]?.value;
  switch (question.type) {
    case 'yes_no':
      return 'yes';
    case 'single_choice':
      return first;
    case 'multiple_choice':
      return [first];
    case 'number':
      return question.numberRange?.min ?? 1;
    case 'date':
      return '2027-06-30';
    default:
      return 'We describe this in our trust centre.';
  }
}

/** Every key anywhere in a JSON value, for "this response exposes no internal field" checks. */
export function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}

/**
 * The use-context fields the vendor never sees (observed figures, our criticality rating): the vendor
 * view may carry the use context as read-only context, but only its public part.
 */
const privateContextKeys = Object.keys(useContextSchema.shape).filter(
  (k) => !Object.keys(publicUseContextSchema.shape).includes(k),
);

export const internalKeys = [
  'weight',
  'points',
  'knockOut',
  'tags',
  'inherentFactor',
  'numberBands',
  'aggregate',
  'scoreResult',
  ...privateContextKeys,
  'tokenHash',
  'createdBy',
  'questionsSnapshot',
  'sha256',
  'fileId',
  'key',
];
