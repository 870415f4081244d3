import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../lib/session';
import { fetchFindings, findingsKey } from './finding-queries';
import { FindingsTable } from './findings-table';

/** Every finding raised across a vendor's assessments, on the vendor's page. */
export function VendorFindings({ vendorId, me }: { vendorId: string; me: Me }) {
  const findings = useQuery({
    queryKey: findingsKey({ vendorId }),
    queryFn: () => fetchFindings({ vendorId }),
  });
  if (!findings.data || findings.data.length === 0) return null;
  return <FindingsTable findings={findings.data} me={me} showVendor={false} caption="Findings" />;
}
