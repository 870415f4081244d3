import { utcDay } from '@sightline/shared/assessments/dates';
import { euAiActClassLabels, lifecycleStageLabels } from '@sightline/shared/inventory/inventory-enums';
import {
  type ResponsibilityMatrix,
  responsibilityActivities,
  responsibilityActivityLabels,
} from '@sightline/shared/inventory/responsibilities';
import type { ServiceDeps } from '../../context';
import { WHOLE_REGISTER } from '../../csv/keyset-pages';
import { organisationName } from '../assessments/assessment-records';
import { loadCatalog } from '../catalog/catalog-source';
import { listSystems } from '../inventory/inventory-queries';
import type { InventoryRegisterData } from './inventory-register';
import { inWords } from './report-words';

const parties = [
  ['organisation', 'We'],
  ['supplier', 'Supplier'],
  ['shared', 'Shared'],
] as const;

/** "We: providing data, … Supplier: developing … Shared: …", grouped so a row stays short. */
export function responsibilitiesInWords(matrix: ResponsibilityMatrix): string {
  return parties
    .map(([party, label]) => {
      const activities = responsibilityActivities.filter((a) => matrix[a].party === party);
      return activities.length === 0
        ? null
        : `${label}: ${activities.map((a) => responsibilityActivityLabels[a].toLowerCase()).join(', ')}.`;
    })
    .filter(Boolean)
    .join(' ');
}

export async function loadInventoryRegisterData(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
): Promise<InventoryRegisterData> {
  const { db, now } = deps;
  const [organisation, systems, catalog] = await Promise.all([
    organisationName(db),
    listSystems(db, {}, utcDay(now), { limit: WHOLE_REGISTER }),
    loadCatalog(db),
  ]);
  return {
    generatedAt: now.toISOString(),
    organisation,
    systems: systems.items.map((s) => ({
      name: s.name,
      purpose: s.purpose,
      owner: s.owner,
      lifecycleStage: lifecycleStageLabels[s.lifecycleStage],
      euAiActClass: euAiActClassLabels[s.euAiActClass],
      orgRole: inWords(s.orgRole),
      suppliers: s.suppliers.map((p) => ({
        vendor: p.vendorName,
        service: p.serviceId ? (catalog.byId.get(p.serviceId)?.name ?? p.serviceId) : null,
        tier: p.tier,
        responsibilities: responsibilitiesInWords(p.responsibilities),
      })),
      nextReviewOn: s.nextReviewOn,
      dueForReview: s.dueForReview,
    })),
  };
}
