import type { ServiceDetail } from '@sightline/shared/discovery/discovery-views';
import { useState } from 'react';

/** The most active people listed before "show more". */
const PEOPLE_FIRST = 15;

export type ServicePerson = ServiceDetail['people'][number];

/** Who used a service in the period, most active first, as stored (pseudonyms unless turned off). */
export function ServicePeople({
  people,
  peopleCount,
  pseudonymised,
  showDepartments,
}: {
  people: readonly ServicePerson[];
  peopleCount: number;
  pseudonymised: boolean;
  /** Only once someone has a department: a column of blanks tells nothing. */
  showDepartments: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  return (
    <>
      <h2>
        People <span className="muted">({peopleCount})</span>
      </h2>
      <p className="field-help">
        {pseudonymised
          ? 'People appear as the pseudonyms the extension reports; Sightline does not store their email addresses.'
          : 'Pseudonymisation is off in Settings, so people appear as the user their browser enrolled with.'}{' '}
        A browser that reports no user is listed as that browser.
      </p>
      {people.length === 0 ? (
        <p className="muted">Nobody used this service in the period.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Person</th>
              {showDepartments && <th scope="col">Department</th>}
              <th scope="col">Days active</th>
              <th scope="col">Visits</th>
              <th scope="col">Pastes</th>
              <th scope="col">Uploads</th>
              <th scope="col">API calls</th>
              <th scope="col">Browsers</th>
              <th scope="col">Last day</th>
            </tr>
          </thead>
          <tbody>
            {(showAll ? people : people.slice(0, PEOPLE_FIRST)).map((p) => (
              <tr key={p.person}>
                <td className={p.label ? '' : 'mono'}>
                  {p.browserOnly ? `Browser ${p.person.slice(0, 8)}` : (p.label ?? p.userKey)}
                </td>
                {showDepartments && <td>{p.department ?? <span className="muted">Unknown</span>}</td>}
                <td>{p.days}</td>
                <td>{p.visits}</td>
                <td>{p.pastes}</td>
                <td>{p.uploads}</td>
                <td>{p.apiCalls}</td>
                <td>{p.browsers}</td>
                <td className="nowrap">{p.lastDay}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!showAll && people.length > PEOPLE_FIRST && (
        <button type="button" className="secondary" onClick={() => setShowAll(true)}>
          {people.length === peopleCount
            ? `Show all ${peopleCount}`
            : `Show the ${people.length} most active`}
        </button>
      )}
      {showAll && peopleCount > people.length && (
        <p className="muted">
          The {people.length} most active of {peopleCount} are shown.
        </p>
      )}
    </>
  );
}
