<<<<<<< HEAD
import type { AssessmentState } from '@sightline/shared/assessments/assessment-states';
import { stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';

const PERIODS = [7, 30, 90] as const;
const IN_FLIGHT = ['sent', 'in_progress', 'submitted', 'changes_requested', 'under_review'];
=======
import { DiscoveryDashboard } from '../discovery/discovery-dashboard';
>>>>>>> 99f6f62 (Discovery dashboard (issue 13): headline figures against the previous period, people per day per service, visits by policy state and category, new services, assess-first service table with bulk policy, service page; POST /api/policy/services/bulk (one version bump, each change audited); starting an assessment for a service whose vendor is unknown creates the vendor from the catalog)

/** The landing page: the work queues and the discovery dashboard. */
export function HomePage() {
  return (
    <section>
      <h1>Overview</h1>
<<<<<<< HEAD
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
          {data.services.length > 0 && (
            <p className="table-actions">
              <DownloadCsvLink
                path="/api/overview/export.csv"
                filters={{ days }}
                label={`Download usage by service, last ${days} days (CSV)`}
              />
            </p>
          )}
          {data.services.length === 0 ? (
            <EmptyState
              title={`No AI use recorded in the last ${days} days`}
              action={isAdmin && <Link to="/settings">Create an enrollment token</Link>}
            >
              This table ranks the AI services staff use, those waiting for an assessment first. It fills as
              soon as browsers with the Sightline extension report: deploy the extension with an enrollment
              token from Settings.
            </EmptyState>
          ) : (
            <table>
              <caption>
                AI services in use, those waiting for an assessment first{' '}
                <span className="muted">(visits include those a warning or block page stopped)</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">People</th>
                  <th scope="col">Browsers</th>
                  <th scope="col">Visits</th>
                  <th scope="col">Warned</th>
                  <th scope="col">Proceeded</th>
                  <th scope="col">Blocked</th>
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
                    <td>{s.warnings}</td>
                    <td>{s.proceeds}</td>
                    <td>{s.blocks}</td>
                    <td>{s.pastes}</td>
                    <td>{s.uploads}</td>
                    <td>
                      <span className={`badge ${s.state}`}>{s.state}</span>
                    </td>
                    <td>
                      <ServiceAssessment
                        serviceId={s.serviceId}
                        assessment={s.assessment}
                        canAssess={canAssess}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
=======
      <DiscoveryDashboard />
>>>>>>> 99f6f62 (Discovery dashboard (issue 13): headline figures against the previous period, people per day per service, visits by policy state and category, new services, assess-first service table with bulk policy, service page; POST /api/policy/services/bulk (one version bump, each change audited); starting an assessment for a service whose vendor is unknown creates the vendor from the catalog)
    </section>
  );
}
