import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../lib/session';
import { fetchFindings, findingsKey } from './finding-queries';
import { FindingsTable } from './findings-table';

/** The findings of one assessment, on its page; nothing is shown before the first one is raised. */
export function AssessmentFindings({ assessmentId, me }: { assessmentId: string; me: Me }) {
  const findings = useQuery({
    queryKey: findingsKey({ assessmentId }),
    queryFn: () => fetchFindings({ assessmentId }),
  });
  if (!findings.data || findings.data.length === 0) return null;
  return (
    <div className="card">
      <FindingsTable findings={findings.data} me={me} showVendor={false} caption="Findings" />
    </div>
  );
}
