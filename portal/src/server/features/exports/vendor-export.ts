import type { Db } from '@sightline/db/client';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage, WHOLE_REGISTER } from '../../csv/keyset-pages';
import { listVendors, type VendorListQuery } from '../vendors/vendors-service';

type VendorRow = Awaited<ReturnType<typeof listVendors>>['items'][number];

export const vendorColumns: readonly CsvColumn<VendorRow>[] = [
  { header: 'Vendor', value: (v) => v.name },
  { header: 'Website', value: (v) => v.website },
  { header: 'Status', value: (v) => v.status },
  { header: 'Risk tier', value: (v) => v.tier },
  { header: 'Services', value: (v) => v.services },
  { header: 'Assessments', value: (v) => v.assessmentCount },
  { header: 'Next review', value: (v) => v.nextReviewOn },
  { header: 'Updated', value: (v) => v.updatedAt },
  { header: 'Vendor id', value: (v) => v.id },
];

/** The register as the vendors page lists it, same filters and order. */
export const vendorRows = (db: Db, query: VendorListQuery) =>
  onePage(async () => (await listVendors(db, query, { limit: WHOLE_REGISTER })).items);
