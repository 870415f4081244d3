import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';

const PERIODS = [7, 30, 90] as const;
const IN_FLIGHT = ['sent', 'in_progress', 'submitted', 'changes_requested', 'under_review'];

export function HomePage() {
  const canAssess = hasRole(useMe().data, ['admin', 'procurement']);
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const overview = useQuery({
    queryKey: ['overview', days],
    queryFn: () => unwrap(api.api.overview.$get({ query: { days: String(days) } })),
  });
  const data = overview.data;
  const inFlight = data ? IN_FLIGHT.reduce((n, s) => n + (data.assessments[s] ?? 0), 0) : 0;

  return (
    <section>
      <h1>Overview</h1>
      <label className="period">
        Period
        <select value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
        </select>
      </label>
      {data && (
        <>
          <div className="stat-grid">
            <div className="stat">
              <strong>{data.servicesInUse}</strong> AI services in use
            </div>
            <div className="stat">
              <strong>{data.activeDevices}</strong> browsers reporting
            </div>
            <Link className="stat" to="/requests">
              <strong>{data.openRequests}</strong> open access requests
            </Link>
            <Link className="stat" to="/assessments">
              <strong>{inFlight}</strong> assessments in progress
            </Link>
            <Link className="stat" to="/candidates">
              <strong>{data.openCandidates}</strong> unknown AI hosts to classify
            </Link>
          </div>
          <table>
            <caption>AI services in use, not yet assessed first</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">People</th>
                <th scope="col">Browsers</th>
                <th scope="col">Visits</th>
                <th scope="col">Pastes</th>
                <th scope="col">Uploads</th>
                <th scope="col">Policy</th>
                <th scope="col">Assessment</th>
              </tr>
            </thead>
            <tbody>
              {data.services.map((s) => (
                <tr key={s.serviceId}>
                  <td>
                    {s.name}
                    <div className="muted">{s.vendor}</div>
                  </td>
                  <td>{s.users}</td>
                  <td>{s.devices}</td>
                  <td>{s.visits}</td>
                  <td>{s.pastes}</td>
                  <td>{s.uploads}</td>
                  <td>
                    <span className={`badge ${s.state}`}>{s.state}</span>
                  </td>
                  <td>
                    {s.assessed ? (
                      'assessed'
                    ) : canAssess ? (
                      <Link to={`/assessments/new?serviceId=${encodeURIComponent(s.serviceId)}`}>
                        Start one
                      </Link>
                    ) : (
                      'none yet'
                    )}
                  </td>
                </tr>
              ))}
              {data.services.length === 0 && (
                <tr>
                  <td colSpan={8}>
                    No usage recorded in this period. Deploy the extension (Settings → enrollment tokens) to
                    see which AI services staff use.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
