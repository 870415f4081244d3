import { auditLog } from '@sightline/db/schema/audit';
import { apiErrorSchema } from '@sightline/shared/http/api-error';
import { gt, max } from 'drizzle-orm';
import fc from 'fast-check';
import type { TestApp } from '../test-app';
import { changedTables, dbFingerprint } from './db-fingerprint';
import { acceptableInput, type FuzzInput, refusableInput, urlOf } from './fuzz-inputs';
import { judge } from './fuzz-oracle';
import type { FuzzWorld } from './fuzz-world';
import type { InventoriedRoute } from './route-inventory';

/** Inputs per route: 200 in CI, more with FUZZ_RUNS=<n>; FUZZ_SEED=<n> replays a run. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 200);
const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

export type RouteReport = {
  route: string;
  inputs: number;
  refused: number;
  unknown: number;
  accepted: number;
};

async function send(
  t: TestApp,
  world: FuzzWorld,
  route: InventoriedRoute,
  input: FuzzInput,
): Promise<Response> {
  const { cookie, headers } = await world.credentials(route.access);
  const all: Record<string, string> = { ...headers };
  let body: Uint8Array | undefined;
  if (input.body) {
    if (input.body.contentType !== undefined) all['content-type'] = input.body.contentType;
    // Bytes, not a string: a string body would get a text/plain type the test did not choose.
    body = new TextEncoder().encode(input.body.text);
  }
  const answer = t.request(urlOf(route, input), {
    method: route.method,
    cookie,
    headers: all,
    body: body as BodyInit,
  });
  // A request that never answers is a bug of its own (a stream nobody reads, a lock never released):
  // named here with its input, rather than left to the test's timeout.
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${describe(route, input)}: no answer within ${ANSWER_WITHIN_MS / 1000} s`)),
      ANSWER_WITHIN_MS,
    );
  });
  try {
    return await Promise.race([answer, silence]);
  } finally {
    clearTimeout(timer);
  }
}

const ANSWER_WITHIN_MS = 15_000;

function describe(route: InventoriedRoute, input: FuzzInput): string {
  const body = input.body
    ? ` ${input.body.contentType ?? '(no content-type)'} ${JSON.stringify(input.body.text.slice(0, 300))}${input.body.text.length > 300 ? `… (${input.body.text.length} chars)` : ''}`
    : '';
  return `${route.method} ${urlOf(route, input).slice(0, 300)}${body}`;
}

/** A refusal in the shared error shape, or a description of what is wrong with it. */
async function errorShapeProblem(res: Response): Promise<string | undefined> {
  const text = await res.text();
  if (!(res.headers.get('content-type') ?? '').startsWith('application/json'))
    return `content-type ${res.headers.get('content-type')}: ${text.slice(0, 200)}`;
  try {
    return apiErrorSchema.safeParse(JSON.parse(text)).success
      ? undefined
      : `not the error shape: ${text.slice(0, 200)}`;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
}

/**
 * Phase one for a route: FUZZ_RUNS inputs it must refuse, each answered 4xx in the error shape, and
 * the database exactly as before (every table's content, the audit trail included) when they are done.
 * If something was written, the inputs are replayed one at a time to name the one that wrote.
 */
export async function fuzzRefusals(
  t: TestApp,
  world: FuzzWorld,
  route: InventoriedRoute,
  own?: OwnValidation,
): Promise<RouteReport> {
  const report: RouteReport = { route: route.key, inputs: 0, refused: 0, unknown: 0, accepted: 0 };
  const sent: FuzzInput[] = [];
  const verdicts = { refused: 0, unknown: 0 };
  const before = await dbFingerprint(t.deps.db);
  const auditBefore = await lastAuditSeq(t);
  await fc.assert(
    fc.asyncProperty(own?.inputs ?? refusableInput(route, world), async (input) => {
      const verdict = own ? 'refused' : await judge(route, input, world);
      if (verdict !== 'refused' && verdict !== 'unknown') return fc.pre(false);
      sent.push(input);
      verdicts[verdict] += 1;
      const res = await send(t, world, route, input);
      if (res.status < 400 || res.status >= 500)
        throw new Error(
          `${describe(route, input)} (${verdict}) → ${res.status}: ${(await res.text()).slice(0, 300)}`,
        );
      const problem = await errorShapeProblem(res);
      if (problem) throw new Error(`${describe(route, input)} → ${res.status} ${problem}`);
    }),
    { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, maxSkipsPerRun: 50, endOnFailure: true },
  );
  report.inputs = sent.length;
  report.refused = verdicts.refused;
  report.unknown = verdicts.unknown;
  const after = await dbFingerprint(t.deps.db);
  if (own) {
    // Its refusals are audited on purpose: the audit trail may grow by exactly those entries.
    delete before.audit_log;
    delete after.audit_log;
    const added = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(gt(auditLog.seq, auditBefore));
    const unexpected = added.filter((a) => !own.auditActions.includes(a.action));
    if (unexpected.length)
      throw new Error(`${route.key} audited ${unexpected.map((a) => a.action).join(', ')}`);
  }
  const changed = changedTables(before, after);
  if (changed.length)
    throw new Error(
      `${route.key} wrote while refusing: ${changed.join(', ')}${await culprit(t, world, route, sent)}`,
    );
  return report;
}

/**
 * A route that validates its body with its own code (better-auth's sign-in), so the fuzz test cannot
 * ask a validator: every input it is given must be refused, and the audit entries its refusals write
 * on purpose are allowed.
 */
export type OwnValidation = { inputs: fc.Arbitrary<FuzzInput>; auditActions: string[] };

async function lastAuditSeq(t: TestApp): Promise<number> {
  const [row] = await t.deps.db.select({ seq: max(auditLog.seq) }).from(auditLog);
  return row?.seq ?? 0;
}

async function culprit(
  t: TestApp,
  world: FuzzWorld,
  route: InventoriedRoute,
  sent: FuzzInput[],
): Promise<string> {
  for (const input of sent) {
    const before = await dbFingerprint(t.deps.db);
    const res = await send(t, world, route, input);
    const changed = changedTables(before, await dbFingerprint(t.deps.db));
    if (changed.length)
      return `; for example ${describe(route, input)} → ${res.status} changed ${changed.join(', ')}`;
  }
  return '; no single input wrote when replayed';
}

/**
 * Phase two for a JSON route: bodies the schema accepts, made of hostile text, sent to real
 * resources. They may succeed; they may be refused by a rule the schema cannot express. Never a 5xx,
 * and a refusal writes nothing.
 */
export async function fuzzAcceptable(
  t: TestApp,
  world: FuzzWorld,
  route: InventoriedRoute,
  runs: number,
): Promise<RouteReport> {
  const report: RouteReport = { route: route.key, inputs: 0, refused: 0, unknown: 0, accepted: 0 };
  let baseline: Awaited<ReturnType<typeof dbFingerprint>> | undefined;
  await fc.assert(
    fc.asyncProperty(acceptableInput(route, world), async (input) => {
      fc.pre((await judge(route, input, world)) === 'valid');
      baseline ??= await dbFingerprint(t.deps.db);
      const res = await send(t, world, route, input);
      report.inputs += 1;
      if (res.status >= 500)
        throw new Error(`${describe(route, input)} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
      if (res.status < 400) {
        report.accepted += 1;
        await res.body?.cancel();
        baseline = undefined;
        return;
      }
      report.refused += 1;
      const problem = await errorShapeProblem(res);
      if (problem) throw new Error(`${describe(route, input)} → ${res.status} ${problem}`);
      const changed = changedTables(baseline, await dbFingerprint(t.deps.db));
      if (changed.length)
        throw new Error(`${describe(route, input)} → ${res.status} but changed ${changed.join(', ')}`);
    }),
    { numRuns: runs, seed: FUZZ_SEED, maxSkipsPerRun: 50, endOnFailure: true },
  );
  return report;
}
