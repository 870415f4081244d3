import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { tierFor } from '@sightline/shared/scoring/tiers';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

const tierColours = { low: '#17663a', medium: '#8a5a00', high: '#c2410c', critical: '#a4161a' } as const;

/** `sectionTitles` in the questionnaire's order: the chart follows it. */
type Props = { score: ScoreResult; sectionTitles: ReadonlyMap<string, string> };

/**
 * Residual risk per section as horizontal bars coloured by tier, with the tier thresholds drawn in,
 * so the weak areas stand out before anyone reads the breakdown. The figures are also in a table
 * for screen readers and for copying.
 */
export function SectionChart({ score, sectionTitles }: Props) {
  // The stored result's keys come back in the database's order, not the questionnaire's.
  const rows = [...sectionTitles]
    .map(([id, title]) => ({ id, title, risk: score.residual.bySection[id] ?? null }))
    .filter((row): row is { id: string; title: string; risk: number } => row.risk !== null)
    .map((row) => ({ ...row, tier: tierFor(row.risk, score.thresholds) }));
  if (rows.length === 0) return <p className="info">No section has anything scorable yet.</p>;
  return (
    <figure className="section-chart">
      <figcaption>Residual risk by section (0 = full assurance, 100 = none)</figcaption>
      <div aria-hidden="true" style={{ height: rows.length * 30 + 40 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
            <YAxis type="category" dataKey="title" width={210} tick={{ fontSize: 12 }} />
            {(['medium', 'high', 'critical'] as const).map((tier) => (
              <ReferenceLine
                key={tier}
                x={score.thresholds[tier]}
                stroke={tierColours[tier]}
                strokeDasharray="4 2"
              />
            ))}
            <Bar dataKey="risk" isAnimationActive={false} barSize={16}>
              {rows.map((row) => (
                <Cell key={row.id} fill={tierColours[row.tier]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Residual risk by section</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.title}</th>
              <td>
                {row.risk} ({row.tier})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
