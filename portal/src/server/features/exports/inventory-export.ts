import type { Db } from '@sightline/db/client';
import type { InventoryListQuery, SupplierView } from '@sightline/shared/inventory/inventory-api';
import type { AiSystemView } from '@sightline/shared/inventory/inventory-view';
import {
  responsibilityActivities,
  responsibilityActivityLabels,
} from '@sightline/shared/inventory/responsibilities';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage, WHOLE_REGISTER } from '../../csv/keyset-pages';
import { listSystems } from '../inventory/inventory-queries';

/** One supplier on one line: who, its tier, and who does what (with any note). */
function supplierLine(s: SupplierView): string {
  const duties = responsibilityActivities.map((activity) => {
    const { party, note } = s.responsibilities[activity];
    return `${responsibilityActivityLabels[activity]}: ${party.replace('_', ' ')}${note ? ` (${note})` : ''}`;
  });
  const service = s.serviceId ? `, service ${s.serviceId}` : '';
  return `${s.vendorName} (tier ${s.tier ?? 'not set'}${service}) — ${duties.join('; ')}`;
}

/** The AI system register, one row per system; several suppliers share a cell, one per line. */
export const inventoryColumns: readonly CsvColumn<AiSystemView>[] = [
  { header: 'AI system', value: (s) => s.name },
  { header: 'Purpose', value: (s) => s.purpose },
  { header: 'Owner', value: (s) => s.owner },
  { header: 'Origin', value: (s) => s.origin },
  { header: 'Lifecycle stage', value: (s) => s.lifecycleStage },
  { header: 'EU AI Act class', value: (s) => s.euAiActClass },
  { header: 'EU AI Act role', value: (s) => s.orgRole },
  { header: 'Data categories', value: (s) => s.dataCategories },
  { header: 'Decisions about people', value: (s) => s.decisionsAboutPeople },
  { header: 'Decisions described', value: (s) => s.decisionsDescription },
  { header: 'Human oversight', value: (s) => s.humanOversight },
  { header: 'Suppliers', value: (s) => s.suppliers.map(supplierLine).join('\n') },
  { header: 'Services', value: (s) => s.serviceIds },
  { header: 'Next review', value: (s) => s.nextReviewOn },
  { header: 'Due for review', value: (s) => s.dueForReview },
  { header: 'Updated', value: (s) => s.updatedAt },
  { header: 'AI system id', value: (s) => s.id },
];

export const inventoryRows = (db: Db, query: InventoryListQuery, today: string) =>
  onePage(async () => (await listSystems(db, query, today, { limit: WHOLE_REGISTER })).items);
