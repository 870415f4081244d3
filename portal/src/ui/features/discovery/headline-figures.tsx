import type { Dashboard } from '@sightline/shared/discovery/discovery-views';
import { percent } from './format';

type Figures = Dashboard['figures'];

type Figure = { key: keyof Figures; label: string; help: string; share?: boolean };

const figures: Figure[] = [
  {
    key: 'servicesInUse',
    label: 'AI services in use',
    help: 'Catalog services someone visited (or was warned or blocked on) at least once.',
  },
  {
    key: 'people',
    label: 'people',
    help: 'Distinct people; a browser that reports no user counts as one person.',
  },
  { key: 'browsers', label: 'browsers', help: 'Browsers with the extension that reported AI use.' },
  {
    key: 'unsanctionedShare',
    label: 'of visits to unreviewed or unapproved services',
    help: 'Visits (including those a warning or block page stopped) to services whose policy today is unreviewed or unapproved, out of all visits.',
    share: true,
  },
  {
    key: 'personalShare',
    label: 'of sign-ins with personal accounts',
    help: "Of the sign-ins the extension saw on AI services (at most one per service, account kind and hour on each browser), the share where the account was not on one of the organisation's email domains.",
    share: true,
  },
  {
    key: 'pastes',
    label: 'pastes into AI services',
    help: 'Text pasted into the prompt field of an AI service.',
  },
  {
    key: 'uploads',
    label: 'files uploaded to AI services',
    help: 'Files attached to a prompt of an AI service.',
  },
];

/** Each headline figure with its change against the previous period of the same length. */
export function HeadlineFigures({
  current,
  previous,
  days,
}: {
  current: Figures;
  previous: Figures;
  days: number;
}) {
  return (
    <>
      <div className="stat-grid headline-figures">
        {figures.map((f) => (
          <div className="stat" key={f.key} title={f.help}>
            <strong>
              {f.share ? percent(current[f.key]) : (current[f.key] ?? 0).toLocaleString('en-GB')}
            </strong>
            {f.label}
            <Change now={current[f.key]} before={previous[f.key]} share={f.share ?? false} />
          </div>
        ))}
      </div>
      <details className="figure-help">
        <summary>How these figures are counted (changes are against the previous {days} days)</summary>
        <dl>
          {figures.map((f) => (
            <div key={f.key}>
              <dt>{f.share ? `Share ${f.label}` : `${f.label[0]!.toUpperCase()}${f.label.slice(1)}`}</dt>
              <dd>{f.help}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

function Change({ now, before, share }: { now: number | null; before: number | null; share: boolean }) {
  if (now === null || before === null) return <div className="change muted">no earlier figure</div>;
  if (share) {
    const points = Math.round((now - before) * 100);
    return (
      <div className="change muted">
        {points === 0 ? 'no change' : `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`} vs previous
      </div>
    );
  }
  const diff = now - before;
  const rel = before > 0 ? ` (${diff >= 0 ? '+' : '−'}${Math.abs(Math.round((diff / before) * 100))} %)` : '';
  return (
    <div className="change muted">
      {diff === 0 ? 'no change' : `${diff > 0 ? '+' : '−'}${Math.abs(diff).toLocaleString('en-GB')}${rel}`} vs
      previous
    </div>
  );
}
