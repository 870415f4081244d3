import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';
import { stateLabels } from '../policy/policy-page';
import { DepartmentUseChart } from './department-use-chart';
import { HeadlineFigures } from './headline-figures';
import { PeriodPicker } from './period-picker';
import { ServiceTable } from './service-table';
import { CategoryChart, PeoplePerDayChart, VisitsByStateChart } from './usage-charts';
import { usePeriod } from './use-period';

/**
 * What a CISO opens first: which AI services people use, how much of it nobody approved, what changed
 * against the previous period, and what to assess next. The period is in the URL.
 */
export function DiscoveryDashboard() {
  const me = useMe().data;
  const canAssess = hasRole(me, ['admin', 'procurement']);
  const isAdmin = hasRole(me, ['admin']);
  const { query, setPeriod, search } = usePeriod();
  const dashboard = useQuery({
    queryKey: ['discovery', 'dashboard', query],
    queryFn: () => unwrap(api.api.discovery.dashboard.$get({ query })),
  });
  const data = dashboard.data;
  return (
    <>
      <div className="stat-grid queues">
        <Link className="stat" to="/requests">
          <strong>{data?.queues.openRequests ?? '…'}</strong> open access requests
        </Link>
        <Link className="stat" to="/assessments">
          <strong>{data?.queues.assessmentsInProgress ?? '…'}</strong> assessments in progress
        </Link>
        <Link className="stat" to="/candidates">
          <strong>{data?.queues.openCandidates ?? '…'}</strong> unknown AI hosts to classify
        </Link>
      </div>
      <PeriodPicker query={query} onChange={setPeriod} period={data?.period} />
      {dashboard.isError && (
        <p role="alert" className="error">
          Could not load the dashboard: {dashboard.error.message}
        </p>
      )}
      {data && (
        <>
          <p className="muted period-line">
            {data.period.from} to {data.period.to} ({data.period.days} days), compared with{' '}
            {data.period.previous.from} to {data.period.previous.to}
          </p>
          {data.setup.enrolledBrowsers === 0 ? (
            <EmptyState
              title="No browser reports to Sightline yet"
              action={isAdmin ? <Link to="/settings">Create an enrollment token in Settings</Link> : null}
            >
              The dashboard fills from the Sightline browser extension. Create an enrollment token in
              Settings, then have IT deploy the extension with the token in the managed browser policy.
              {!isAdmin && ' Ask an admin to do this.'}
            </EmptyState>
          ) : data.figures.servicesInUse === 0 ? (
            <EmptyState
              title={data.setup.anyUsageEver ? 'No AI use in this period' : 'No AI use reported yet'}
            >
              {data.setup.anyUsageEver
                ? 'Nobody used a known AI service between these dates. Choose a longer period.'
                : `${data.setup.enrolledBrowsers} browser${data.setup.enrolledBrowsers === 1 ? ' is' : 's are'} enrolled. As soon as someone opens an AI service, the extension reports it within about a minute and it appears here, with the people using it and what the policy says.`}
            </EmptyState>
          ) : (
            <>
              <HeadlineFigures
                current={data.figures}
                previous={data.previousFigures}
                days={data.period.days}
              />
              <UnreviewedHint share={data.figures.unsanctionedShare} canAssess={canAssess} />
              <div className="chart-grid">
                <PeoplePerDayChart rows={data.peoplePerDay} services={data.topServices} />
                <VisitsByStateChart rows={data.visitsByState} />
                <CategoryChart rows={data.byCategory} />
                <NewServices services={data.newServices} search={search} />
                <DepartmentUseChart breakdown={data.byDepartment} isAdmin={isAdmin} />
              </div>
              <ServiceTable period={query} canAssess={canAssess} search={search} />
            </>
          )}
        </>
      )}
    </>
  );
}

function UnreviewedHint({ share, canAssess }: { share: number | null; canAssess: boolean }) {
  if (share === null || share < 0.5) return null;
  return (
    <p className="info">
      Most AI use goes to services nobody reviewed or approved.{' '}
      {canAssess
        ? 'Select the busiest ones in the table below and set a policy, or start an assessment.'
        : 'Admins and procurement can set a policy for them on this page.'}{' '}
      <Link to="/policy">Policy page</Link>
    </p>
  );
}

function NewServices({
  services,
  search,
}: {
  services: { serviceId: string; name: string; firstSeen: string; people: number; state: string }[];
  search: string;
}) {
  return (
    <figure className="chart">
      <figcaption>New services first seen in this period</figcaption>
      {services.length === 0 ? (
        <p className="muted">Every service used in this period was already in use before it.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">First seen</th>
              <th scope="col">People</th>
              <th scope="col">Policy</th>
            </tr>
          </thead>
          <tbody>
            {services.slice(0, 10).map((s) => (
              <tr key={s.serviceId}>
                <td>
                  <Link to={`/services/${encodeURIComponent(s.serviceId)}?${search}`}>{s.name}</Link>
                </td>
                <td className="nowrap">{s.firstSeen}</td>
                <td>{s.people}</td>
                <td>
                  <span className={`badge state-${s.state}`}>
                    {stateLabels[s.state as keyof typeof stateLabels]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {services.length > 10 && (
        <p className="muted">and {services.length - 10} more (sort the table by newest).</p>
      )}
    </figure>
  );
}
