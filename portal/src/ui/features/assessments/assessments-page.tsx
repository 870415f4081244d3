import { assessmentStateSchema, assessmentStates } from '@sightline/shared/assessments/assessment-states';
import { stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { Link, useSearchParams } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { optionOf } from '../../lib/form-fields';
import { hasRole, useMe } from '../../lib/session';

export function AssessmentsPage() {
  const canSend = hasRole(useMe().data, ['admin', 'procurement']);
  const [params, setParams] = useSearchParams();
  const state = optionOf(assessmentStateSchema, params.get('state'));
  const list = usePagedList({
    queryKey: ['assessments', state],
    fetchPage: (cursor) => unwrap(api.api.assessments.$get({ query: { state, cursor } })),
  });
  return (
    <section>
      <h1>Assessments</h1>
      <div className="card inline-form">
        <label>
          State
          <select
            value={state ?? ''}
            onChange={(e) => setParams(e.target.value ? { state: e.target.value } : {}, { replace: true })}
          >
            <option value="">Any</option>
            {assessmentStates.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </select>
        </label>
        {canSend && (
          <Link className="button-link" to="/assessments/new">
            New assessment
          </Link>
        )}
      </div>
      <p className="table-actions">
        <DownloadCsvLink path="/api/assessments/export.csv" filters={{ state }} />
      </p>
      {list.error && (
        <p role="alert" className="error">
          {list.error.message}
        </p>
      )}
      {list.loaded && list.items.length === 0 ? (
        state ? (
          <EmptyState
            title={`No assessment is ${stateLabels[state].toLowerCase()}`}
            action={
              <button type="button" className="secondary" onClick={() => setParams({}, { replace: true })}>
                Show every state
              </button>
            }
          >
            Assessments in other states are hidden by the filter.
          </EmptyState>
        ) : (
          <EmptyState
            title="No assessments yet"
            action={
              canSend && (
                <Link className="button-link" to="/assessments/new">
                  Send the first assessment
                </Link>
              )
            }
          >
            An assessment sends a vendor the ISO/IEC 42001 A.10 supplier questionnaire, then follows its
            answers through review to a decision. Add the vendor under <Link to="/vendors">Vendors</Link>{' '}
            first, then send it one.
          </EmptyState>
        )
      ) : (
        <table>
          <caption>Assessments</caption>
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Service</th>
              <th scope="col">Questionnaire</th>
              <th scope="col">Respondent</th>
              <th scope="col">State</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/assessments/${a.id}`}>{a.vendorName}</Link>
                </td>
                <td>{a.serviceId ?? '—'}</td>
                <td>
                  {a.templateTitle} v{a.templateVersion}
                </td>
                <td>{a.respondentEmail}</td>
                <td>
                  <span className={`badge state-${a.state}`}>{stateLabels[a.state]}</span>
                </td>
                <td>{a.dueOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} noun="assessments" />
    </section>
  );
}
