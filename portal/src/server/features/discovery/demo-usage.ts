import { randomUUID } from 'node:crypto';
import type { Db } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { orgSettings } from '@sightline/db/schema/org';
import { accessRequest } from '@sightline/db/schema/usage';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../context';
import { loadCatalog } from '../catalog/catalog-source';
import { userKeyFor } from '../extension-api/credentials';
import type { AuthedDevice } from '../extension-api/device-auth';
import { ingestEvents } from '../extension-api/events-service';
import { setServicePolicies } from '../policy/policy-service';
import { seedDemoDepartments } from './demo-departments';

export type DemoOptions = {
  now: Date;
  people?: number;
  services?: number;
  days?: number;
  /** Same seed, same data. */
  seed?: number;
  /** Who sets the demo policies (they are audited like any other change). */
  actor?: Actor & { type: 'staff' };
};

/** The services most organisations see first, ahead of the rest of the catalog (demo and bench data). */
export const FAMILIAR_SERVICES = [
  'openai-chatgpt',
  'microsoft-copilot',
  'google-gemini',
  'anthropic-claude',
  'deepl-translator',
  'perplexity',
  'github-copilot',
  'grammarly',
  'otter-ai',
  'canva-ai',
  'midjourney',
  'notion-ai',
  'mistral-le-chat',
  'cursor',
  'openai-platform',
  'deepseek-chat',
];

const DEMO_POLICIES: [PolicyState, string[], string | null][] = [
  ['approved', ['microsoft-copilot', 'deepl-translator', 'github-copilot'], null],
  ['conditional', ['openai-chatgpt'], 'Enterprise workspace only; no customer data in prompts.'],
  ['blocked', ['deepseek-chat', 'character-ai'], null],
  ['unapproved', ['perplexity', 'otter-ai'], null],
];

/** A small seeded generator (mulberry32): the demo is the same on every run with the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function siteHost(entry: CatalogEntry): string | null {
  for (const r of entry.rules) {
    if (r.kind === 'domain' || r.kind === 'host') return r.value;
    if (r.kind === 'path') return r.host;
  }
  return null;
}

function apiHost(entry: CatalogEntry): string | null {
  const rule = entry.rules.find((r) => r.kind === 'api');
  return rule && rule.kind === 'api' ? rule.value : null;
}

/**
 * Fills the database with realistic AI use through the real ingest path (`ingestEvents`, the function
 * behind POST /api/ext/events): `people` people on one or two browsers each, `services` catalog
 * services with a long tail of popularity, `days` days of weekday-heavy use, sign-ins with work and
 * personal accounts, pastes and uploads, warnings and blocks where the demo policy says so, an intranet
 * page calling a model API, services that appear only in the last weeks, a few access requests,
 * policies set through the policy service, and departments for most people (as a CSV import sets them). For screenshots, demos and load tests; never run by the
 * portal itself.
 */
export async function seedDemoUsage(db: Db, options: DemoOptions) {
  const rnd = random(options.seed ?? 42);
  const peopleCount = options.people ?? 300;
  const days = options.days ?? 90;
  const catalog = await loadCatalog(db);
  const usable = catalog.entries.filter((e) => siteHost(e) !== null);
  const familiar = FAMILIAR_SERVICES.map((id) => catalog.byId.get(id)).filter(
    (e): e is CatalogEntry => !!e && !!siteHost(e),
  );
  const rest = usable.filter((e) => !FAMILIAR_SERVICES.includes(e.id)).sort(() => rnd() - 0.5);
  const services = [...familiar, ...rest].slice(0, options.services ?? 60);
  // Zipf-like popularity; the later ones in the list are the long tail.
  const weights = services.map((_, i) => 1 / (i + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  // A few tail services only start near the end: the "new this period" chart has something to show.
  const startDay = services.map((_, i) =>
    i > 20 && rnd() < 0.25 ? Math.floor(days * (0.6 + rnd() * 0.35)) : 0,
  );

  const states = new Map<string, PolicyState>();
  for (const [state, ids] of DEMO_POLICIES) for (const id of ids) states.set(id, state);

  const [settings] = await db
    .select({ pseudonymise: orgSettings.pseudonymiseUsers, secret: orgSettings.pseudonymSecret })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));
  const browsers: AuthedDevice[] = [];
  const personOf: number[] = [];
  const emails: string[] = [];
  for (let p = 0; p < peopleCount; p++) {
    const hint = rnd() < 0.04 ? undefined : `person${p + 1}@example.com`;
    if (hint) emails.push(hint);
    const userKey = userKeyFor(hint, settings?.pseudonymise ?? true, settings?.secret ?? '');
    const userLabel = settings?.pseudonymise === false ? (hint ?? null) : null;
    const count = rnd() < 0.12 ? 2 : 1;
    for (let b = 0; b < count; b++) {
      const [row] = await db
        .insert(device)
        .values({
          credentialHash: `demo-${randomUUID()}`,
          userKey,
          userLabel,
          browser: b === 0 ? 'chrome' : 'edge',
          platform: rnd() < 0.7 ? 'windows' : 'mac',
          extensionVersion: '0.1.0',
          enrolledAt: new Date(options.now.getTime() - (days + 5) * 86_400_000),
          lastSeenAt: options.now,
        })
        .returning({ id: device.id });
      browsers.push({ id: row!.id, userKey, userLabel });
      personOf.push(p);
    }
  }

  const pick = () => {
    let r = rnd() * total;
    for (let i = 0; i < services.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return i;
    }
    return 0;
  };
  // Each person has a few habitual services and an activity level.
  const habits = Array.from({ length: peopleCount }, () => {
    const n = 1 + Math.floor(rnd() * 4);
    return { services: [...new Set(Array.from({ length: n }, pick))], activity: 0.25 + rnd() * 0.6 };
  });

  let stored = 0;
  const dayMs = 86_400_000;
  const startOfToday = Date.UTC(
    options.now.getUTCFullYear(),
    options.now.getUTCMonth(),
    options.now.getUTCDate(),
  );
  for (let b = 0; b < browsers.length; b++) {
    const dev = browsers[b]!;
    const habit = habits[personOf[b]!]!;
    const events: UsageEvent[] = [];
    for (let d = 0; d < days; d++) {
      const dayStart = startOfToday - (days - 1 - d) * dayMs;
      const weekday = new Date(dayStart).getUTCDay();
      const activity = weekday === 0 || weekday === 6 ? habit.activity * 0.15 : habit.activity;
      // Adoption grows over the period.
      if (rnd() > activity * (0.6 + (0.4 * d) / days)) continue;
      for (const s of habit.services) {
        if (d < startDay[s]! || rnd() < 0.35) continue;
        const entry = services[s]!;
        const host = siteHost(entry)!;
        const state = states.get(entry.id) ?? 'unreviewed';
        const at = (minute: number) =>
          new Date(
            Math.min(dayStart + (8 * 60 + minute) * 60_000, options.now.getTime() - 60_000),
          ).toISOString();
        const base = { serviceId: entry.id, host, matchedRule: `domain:${host}` };
        let minute = Math.floor(rnd() * 480);
        const visits = 1 + Math.floor(rnd() * 4);
        for (let v = 0; v < visits; v++) {
          minute += 3;
          if (state === 'blocked') {
            events.push({ id: randomUUID(), kind: 'blocked', occurredAt: at(minute), ...base });
            continue;
          }
          if (state === 'unapproved') {
            events.push({ id: randomUUID(), kind: 'warning_shown', occurredAt: at(minute), ...base });
            if (rnd() < 0.5) continue;
            events.push({ id: randomUUID(), kind: 'proceeded', occurredAt: at(minute + 1), ...base });
          }
          events.push({ id: randomUUID(), kind: 'visit', occurredAt: at(minute + 1), ...base });
          if (v === 0) {
            events.push({
              id: randomUUID(),
              kind: 'login',
              occurredAt: at(minute + 1),
              accountHint: rnd() < 0.18 ? 'personal' : 'work',
              ...base,
            });
          }
          if (rnd() < 0.45) {
            events.push({
              id: randomUUID(),
              kind: 'paste',
              occurredAt: at(minute + 2),
              count: 1,
              bytes: 200 + Math.floor(rnd() * 4000),
              ...base,
            });
          }
          if (rnd() < 0.08) {
            events.push({
              id: randomUUID(),
              kind: 'upload',
              occurredAt: at(minute + 2),
              count: 1,
              bytes: 20_000 + Math.floor(rnd() * 2_000_000),
              fileTypes: [rnd() < 0.6 ? 'pdf' : 'docx'],
              ...base,
            });
          }
        }
      }
      // An internal tool calling a model API from a few browsers.
      const openaiApi = catalog.byId.get('openai-platform');
      const api = openaiApi && apiHost(openaiApi);
      if (api && b % 25 === 0 && weekday !== 0 && weekday !== 6) {
        for (let k = 0; k < 3; k++) {
          events.push({
            id: randomUUID(),
            kind: 'api_call',
            serviceId: 'openai-platform',
            host: api,
            matchedRule: `api:${api}`,
            initiatorHost: 'intranet.example.com',
            occurredAt: new Date(
              Math.min(dayStart + (10 * 60 + k) * 60_000, options.now.getTime() - 60_000),
            ).toISOString(),
          });
        }
      }
    }
    for (let i = 0; i < events.length; i += 500) {
      const result = await ingestEvents({ db, now: options.now }, dev, {
        events: events.slice(i, i + 500),
        dropped: 0,
      });
      stored += result.stored;
    }
  }

  if (options.actor) {
    for (const [state, ids, conditions] of DEMO_POLICIES) {
      const known = ids.filter((id) => catalog.byId.has(id));
      if (known.length === 0) continue;
      await setServicePolicies({ db, now: options.now }, options.actor, known, { state, conditions });
    }
  }

  const requested = services.slice(3, 8);
  for (const [i, entry] of requested.entries()) {
    const dev = browsers[(i * 37) % browsers.length]!;
    await db.insert(accessRequest).values({
      deviceId: dev.id,
      clientRequestId: randomUUID(),
      serviceId: entry.id,
      userKey: dev.userKey,
      userLabel: dev.userLabel,
      justification: `I use ${entry.name} to draft and check my work faster.`,
      intendedUse:
        i % 2 ? 'Summarising public research papers' : 'Drafting customer emails without personal data',
      dataCategories: i % 2 ? ['public'] : ['internal'],
      createdAt: new Date(options.now.getTime() - (i + 1) * 3 * 86_400_000),
      updatedAt: new Date(options.now.getTime() - (i + 1) * 3 * 86_400_000),
    });
  }

  // Its own generator, so that the usage above stays what it was before the demo had departments.
  const departments = await seedDemoDepartments(db, emails, random((options.seed ?? 42) + 1), options.now);

  return {
    browsers: browsers.length,
    people: peopleCount,
    services: services.length,
    events: stored,
    withDepartment: departments.set,
  };
}
