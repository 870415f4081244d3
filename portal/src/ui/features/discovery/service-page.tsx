import { stateLabels as assessmentStateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { categoryLabels, type ServiceCategory } from '@sightline/shared/catalog/categories';
import { ApiClientError } from '@sightline/shared/http/api-client-error';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';
import { stateLabels } from '../policy/policy-page';
import { PeriodPicker } from './period-picker';
import { ServiceDepartments } from './service-departments';
import { ServicePeople } from './service-people';
import { AssessmentCell } from './service-table';
import { ServiceUsageChart } from './service-usage-chart';
import { usePeriod } from './use-period';

/** One AI service: who uses it and how, pages calling its API, requests, policy history, vendor. */
export function ServicePage() {
  const { serviceId = '' } = useParams();
  const me = useMe().data;
  const canAssess = hasRole(me, ['admin', 'procurement']);
  const isAdmin = hasRole(me, ['admin']);
  // Viewers see usage and policy; vendors and assessments are for the roles that work on them.
  const canReadVendors = hasRole(me, ['admin', 'procurement', 'reviewer', 'approver', 'auditor']);
  const { query, setPeriod, search } = usePeriod();
  const detail = useQuery({
    queryKey: ['discovery', 'service', serviceId, query],
    queryFn: () => unwrap(api.api.discovery.services[':serviceId'].$get({ param: { serviceId }, query })),
    retry: false,
  });
  const back = (
    <p>
      <Link to={`/?${search}`}>← Overview</Link>
    </p>
  );
  if (detail.isError) {
    const e = detail.error;
    return (
      <section>
        {back}
        <h1>
          {e instanceof ApiClientError && e.status === 404
            ? 'Service not found'
            : 'Could not load the service'}
        </h1>
        <p role="alert" className="error">
          {e instanceof ApiClientError && e.status === 404
            ? `No service “${serviceId}” in the catalog or in the recorded use.`
            : e.message}
        </p>
      </section>
    );
  }
  const d = detail.data;
  if (!d) return <p className="loading">Loading…</p>;
  const t = d.totals;
  const latestAssessment = d.assessments[0] ?? null;
  return (
    <section className="service-page">
      {back}
      <h1>
        {d.service.name}{' '}
        <span className={`badge state-${d.policy.state}`}>{stateLabels[d.policy.state as PolicyState]}</span>
      </h1>
      <p className="muted">
        {d.service.vendor} · {categoryLabels[d.service.category as ServiceCategory] ?? d.service.category}
        {d.service.website && (
          <>
            {' '}
            · <a href={d.service.website}>{d.service.website}</a>
          </>
        )}
        {!d.service.inCatalog && ' · no longer in the catalog'}
      </p>
      <PeriodPicker query={query} onChange={setPeriod} period={d.period} />
      <div className="stat-grid">
        <div className="stat">
          <strong>{d.peopleCount}</strong> people
        </div>
        <div className="stat">
          <strong>{t.browsers}</strong> browsers
        </div>
        <div className="stat">
          <strong>{t.visits}</strong> visits
        </div>
        <div className="stat">
          <strong>{t.pastes}</strong> pastes
        </div>
        <div className="stat">
          <strong>{t.uploads}</strong> uploads
        </div>
      </div>
      <ServiceUsageChart rows={d.peoplePerDay} />

      <div className="two-columns">
        <div>
          <h2>Events by kind</h2>
          <table className="compact">
            <tbody>
              {(
                [
                  ['Page visits (including warned and blocked)', t.visits],
                  ['Warnings shown', t.warnings],
                  ['Proceeded past a warning', t.proceeds],
                  ['Blocked', t.blocks],
                  ['Sign-ins seen', t.logins],
                  ['… of which with a personal account', t.personalAccountEvents],
                  ['Pastes into the prompt', t.pastes],
                  ['Files uploaded', t.uploads],
                  ['API calls from other pages', t.apiCalls],
                ] as const
              ).map(([label, n]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h2>Policy</h2>
          <p>
            <span className={`badge state-${d.policy.state}`}>
              {stateLabels[d.policy.state as PolicyState]}
            </span>
            {d.policy.updatedAt && <span className="muted"> since {d.policy.updatedAt.slice(0, 10)}</span>}
          </p>
          {d.policy.conditions && <p className="prewrap">Conditions: {d.policy.conditions}</p>}
          {(d.policy.alternativeName || d.policy.alternativeUrl) && (
            <p>Use instead: {d.policy.alternativeName ?? d.policy.alternativeUrl}</p>
          )}
          {d.policy.decisionId && <p className="muted">Set by an assessment decision.</p>}
          <p>
            <Link to="/policy">Change it on the Policy page</Link>
          </p>
          <h3>History</h3>
          {d.policyHistory.length === 0 ? (
            <p className="muted">Never changed: the service is unreviewed until someone sets a policy.</p>
          ) : (
            <ul className="history">
              {d.policyHistory.map((h) => (
                <li key={`${h.at}-${h.to}`}>
                  {h.at.slice(0, 16).replace('T', ' ')} — {h.by}:{' '}
                  {h.from ? stateLabels[h.from as PolicyState] : '?'} →{' '}
                  {h.to ? stateLabels[h.to as PolicyState] : '?'}
                  {h.decisionId && ' (assessment decision)'}
                  {h.bulk && ' (several services at once)'}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <h2>Pages that call its API</h2>
      <p className="field-help">
        A page on one host that sends requests to this service's API (for example an internal tool built on
        it), counted per day like the rest of the usage.
      </p>
      {d.apiCallers.length === 0 ? (
        <p className="muted">No page called this service's API in the period.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Page host</th>
              <th scope="col">API host</th>
              <th scope="col">Calls</th>
              <th scope="col">Browsers</th>
              <th scope="col">Last call</th>
            </tr>
          </thead>
          <tbody>
            {d.apiCallers.map((a) => (
              <tr key={`${a.initiatorHost}-${a.apiHost}`}>
                <td>{a.initiatorHost ?? 'unknown page'}</td>
                <td>{a.apiHost}</td>
                <td>{a.calls}</td>
                <td>{a.browsers}</td>
                <td>{a.lastAt ? String(a.lastAt).slice(0, 10) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Access requests</h2>
      {d.accessRequests.length === 0 ? (
        <p className="muted">Nobody asked for access to this service.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Asked</th>
              <th scope="col">By</th>
              <th scope="col">Intended use</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {d.accessRequests.map((r) => (
              <tr key={r.id}>
                <td>{r.createdAt.slice(0, 10)}</td>
                <td>{r.userLabel ?? r.userKey ?? 'unknown'}</td>
                <td>{r.intendedUse}</td>
                <td>
                  {r.assessmentId ? (
                    <Link to={`/assessments/${r.assessmentId}`}>{r.status.replace('_', ' ')}</Link>
                  ) : (
                    <Link to="/requests">{r.status.replace('_', ' ')}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Vendor and assessments</h2>
      {d.vendors.length === 0 ? (
        <p className="muted">
          No vendor record yet.{' '}
          {canAssess &&
            `Starting an assessment creates it from the catalog (${d.service.vendor || 'unknown'}).`}
        </p>
      ) : (
        <ul>
          {d.vendors.map((v) => (
            <li key={v.id}>
              {canReadVendors ? <Link to={`/vendors/${v.id}`}>{v.name}</Link> : v.name}{' '}
              <span className="muted">{v.status}</span>
              {v.tier && <span className={`badge ${v.tier}`}> {v.tier} risk</span>}
            </li>
          ))}
        </ul>
      )}
      {d.assessments.length > 0 && (
        <ul>
          {d.assessments.map((a) => (
            <li key={a.id}>
              {canReadVendors ? (
                <Link to={`/assessments/${a.id}`}>
                  <span className={`badge state-${a.state}`}>{assessmentStateLabels[a.state]}</span>
                </Link>
              ) : (
                <span className={`badge state-${a.state}`}>{assessmentStateLabels[a.state]}</span>
              )}{' '}
              <span className="muted">
                started {a.createdAt.slice(0, 10)}, due {a.dueOn}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <AssessmentCell
          serviceId={d.service.serviceId}
          assessment={latestAssessment && { id: latestAssessment.id, state: latestAssessment.state }}
          canAssess={canAssess}
        />
      </p>
      <ServiceDepartments breakdown={d.byDepartment} isAdmin={isAdmin} />
      <ServicePeople
        people={d.people}
        peopleCount={d.peopleCount}
        pseudonymised={d.pseudonymised}
        showDepartments={d.byDepartment.mappedPeople > 0}
      />
    </section>
  );
}
