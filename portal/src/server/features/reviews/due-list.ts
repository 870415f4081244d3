import { daysBetween, utcDay } from '@sightline/shared/assessments/dates';
import type { DueList, DueReason, DueVendor } from '@sightline/shared/reviews/review-api';
import type { ServiceDeps } from '../../context';
import { loadCatalog } from '../catalog/catalog-source';
import { type DueSignals, loadDueSignals } from './due-signals';
import { isBlockedUseRising, isUsageSpike } from './usage-triggers';

const severityWords = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;
const changeWords = {
  model_provider: 'new model provider',
  region: 'new region',
  training_practice: 'change of training practice',
  other: 'other change',
} as const;

/** The "Due for review" list: overdue first, then what falls due within 30 days. */
export async function dueForReview(deps: Pick<ServiceDeps, 'db' | 'now'>): Promise<DueList> {
  const { db, now } = deps;
  const today = utcDay(now);
  const [signals, catalog] = await Promise.all([loadDueSignals(db, today), loadCatalog(db)]);
  const name = (serviceId: string | null) =>
    serviceId ? (catalog.byId.get(serviceId)?.name ?? serviceId) : null;
  return { today, vendors: assembleDueList(signals, today, name) };
}

/** Pure: the signals as one row per vendor with every reason it is due. */
export function assembleDueList(
  s: DueSignals,
  today: string,
  serviceName: (serviceId: string | null) => string | null,
): DueVendor[] {
  const reasons = new Map<string, DueReason[]>();
  const add = (vendorId: string, reason: DueReason) => {
    const list = reasons.get(vendorId) ?? [];
    list.push(reason);
    reasons.set(vendorId, list);
  };
  const horizonDays = 30;
  const decidedByVendor = new Map<string, DueSignals['decided']>();
  for (const d of s.decided) {
    decidedByVendor.set(d.vendorId, [...(decidedByVendor.get(d.vendorId) ?? []), d]);
    if (d.nextReviewOn && daysBetween(today, d.nextReviewOn) <= horizonDays) {
      add(d.vendorId, {
        reason: 'review_date',
        key: `review:${d.serviceId ?? '-'}:${d.nextReviewOn}`,
        label: `Next review ${d.nextReviewOn}${d.tier ? `, set by the ${d.tier}-tier cadence` : ''}`,
        on: d.nextReviewOn,
        serviceId: d.serviceId,
      });
    }
  }
  for (const v of s.vendors) {
    // A date set on the vendor by hand counts only where no decision set one per service.
    if (decidedByVendor.has(v.id) || !v.nextReviewOn) continue;
    if (daysBetween(today, v.nextReviewOn) <= horizonDays) {
      add(v.id, {
        reason: 'review_date',
        key: `review:-:${v.nextReviewOn}`,
        label: `Next review ${v.nextReviewOn}, set on the vendor`,
        on: v.nextReviewOn,
        serviceId: null,
      });
    }
  }
  for (const sys of s.systems) {
    // The same date a decision set for the vendor is already on the list; a date changed by hand is news.
    const dated = reasons
      .get(sys.vendorId)
      ?.some((r) => r.reason === 'review_date' && r.on === sys.nextReviewOn);
    if (dated) continue;
    add(sys.vendorId, {
      reason: 'review_date',
      key: `system:${sys.id}:${sys.nextReviewOn}`,
      label: `Next review of the AI system "${sys.name}" ${sys.nextReviewOn}`,
      on: sys.nextReviewOn!,
      serviceId: null,
    });
  }
  for (const doc of s.documents) {
    add(doc.vendorId, {
      reason: 'document_expiry',
      key: `document:${doc.id}:${doc.expiresOn}`,
      label: `${doc.title} ${doc.expiresOn! < today ? 'expired' : 'expires'} ${doc.expiresOn}`,
      on: doc.expiresOn!,
      serviceId: null,
    });
  }
  const decidedById = new Map(s.decided.map((d) => [d.assessmentId, d]));
  for (const e of s.evidence) {
    const d = decidedById.get(e.assessmentId);
    if (!d) continue;
    add(d.vendorId, {
      reason: 'evidence_expiry',
      key: `evidence:${e.id}:${e.expiresOn}`,
      label: `${e.fileName} (${e.questionId}) ${e.expiresOn! < today ? 'expired' : 'expires'} ${e.expiresOn}`,
      on: e.expiresOn!,
      serviceId: d.serviceId,
    });
  }
  // An incident or a declared change counts until a new assessment cycle starts after it.
  const sinceLastCycle = (vendorId: string, at: Date) => {
    const started = s.latestCycleStart.get(vendorId);
    return !started || at > started;
  };
  for (const i of s.incidents) {
    if (!sinceLastCycle(i.vendorId, i.createdAt)) continue;
    add(i.vendorId, {
      reason: 'incident',
      key: `incident:${i.id}`,
      label: `${severityWords[i.severity]} severity, on ${i.occurredOn}: ${clip(i.description)}`,
      on: utcDay(i.createdAt),
      serviceId: null,
    });
  }
  for (const c of s.changes) {
    if (!sinceLastCycle(c.vendorId, c.declaredAt)) continue;
    add(c.vendorId, {
      reason: 'material_change',
      key: `change:${c.id}`,
      label: `Vendor declared a ${changeWords[c.kind]}: ${clip(c.description)}`,
      on: utcDay(c.declaredAt),
      serviceId: null,
    });
  }
  for (const u of s.usage) {
    // Only vendors already assessed: an unassessed service's use shows on the overview instead.
    if (!decidedByVendor.has(u.vendorId) || !isUsageSpike(u.recent, u.earlier)) continue;
    add(u.vendorId, {
      reason: 'usage_spike',
      key: `spike:${today.slice(0, 7)}`,
      label: `Unique users rose from ${u.earlier} to ${u.recent} (last 30 days against the 30 before)`,
      on: today,
      serviceId: null,
    });
  }
  for (const b of s.blocked) {
    if (!isBlockedUseRising(b.lastWeek, b.weekBefore)) continue;
    add(b.vendorId, {
      reason: 'blocked_use_rising',
      key: `blocked:${b.serviceId}:${today.slice(0, 7)}`,
      label: `${serviceName(b.serviceId)} is blocked but was tried ${b.lastWeek} times in the last 7 days (${b.weekBefore} the week before)`,
      on: today,
      serviceId: b.serviceId,
    });
  }
  const rows: DueVendor[] = [];
  for (const v of s.vendors) {
    const list = reasons.get(v.id);
    if (!list) continue;
    list.sort((a, b) => a.on.localeCompare(b.on));
    const dueOn = list[0]!.on;
    const serviceIds = new Set<string | null>();
    for (const d of decidedByVendor.get(v.id) ?? []) serviceIds.add(d.serviceId);
    for (const o of s.open) if (o.vendorId === v.id) serviceIds.add(o.serviceId);
    for (const r of list) if (r.serviceId) serviceIds.add(r.serviceId);
    const daysUntilDue = daysBetween(today, dueOn);
    rows.push({
      vendorId: v.id,
      vendorName: v.name,
      tier: v.tier,
      services: [...serviceIds].map((serviceId) => ({
        serviceId,
        serviceName: serviceName(serviceId),
        latestDecidedAssessmentId:
          decidedByVendor.get(v.id)?.find((d) => d.serviceId === serviceId)?.assessmentId ?? null,
        openAssessmentId: s.open.find((o) => o.vendorId === v.id && o.serviceId === serviceId)?.id ?? null,
      })),
      reasons: list,
      dueOn,
      daysUntilDue,
      overdue: daysUntilDue < 0,
    });
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.vendorName.localeCompare(b.vendorName));
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
