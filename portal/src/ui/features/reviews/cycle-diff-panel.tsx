import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type CycleDiff, cycleDiffKey, fetchCycleDiff } from './review-queries';

const carriedWords: Record<string, string> = {
  prefilled: 'carried over, not yet confirmed',
  confirmed: 'confirmed unchanged by the vendor',
  changed: 'changed by the vendor',
};

type Question = CycleDiff['questions'][number];

const differs = (q: Question) =>
  q.status !== 'same' ||
  q.carried === 'changed' ||
  q.evidence.dropped.length > 0 ||
  q.evidence.added.length > 0;

/**
 * A reassessment's changes against the previous cycle: how the scores moved, then each answer that
 * changed (old → new) with its evidence kept, dropped or added; unchanged answers fold away.
 */
export function CycleDiffPanel({ assessmentId }: { assessmentId: string }) {
  const diff = useQuery({
    queryKey: cycleDiffKey(assessmentId),
    queryFn: () => fetchCycleDiff(assessmentId),
  });
  if (!diff.data?.previous) return null;
  const d = diff.data;
  const previous = d.previous!;
  const changed = d.questions.filter(differs);
  const same = d.questions.filter((q) => !differs(q) && (q.previousAnswer || q.answer));
  return (
    <section className="card" aria-labelledby="cycle-diff-title">
      <h2 id="cycle-diff-title">
        Cycle {d.cycle}: what changed since{' '}
        <Link to={`/assessments/${previous.id}`}>cycle {previous.cycle}</Link>
      </h2>
      <ScoreMove scores={d.scores} sectionTitles={d.sectionTitles as Record<string, string>} />
      {changed.length === 0 ? (
        <p>No answer or evidence has changed since the previous cycle.</p>
      ) : (
        <table>
          <caption>Answers that changed ({changed.length})</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Previous answer</th>
              <th scope="col">New answer</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((q) => (
              <tr key={q.questionId} className="diff-changed" data-testid={`diff-${q.questionId}`}>
                <th scope="row">
                  {q.text}
                  <br />
                  <span className="details">
                    {q.questionId}
                    {q.status === 'new' && ' · new question'}
                    {q.status === 'removed' && ' · no longer asked'}
                    {q.carried && ` · ${carriedWords[q.carried]}`}
                  </span>
                </th>
                <td className={q.status === 'changed' ? 'diff-old' : ''}>{q.previousAnswer ?? '—'}</td>
                <td>{q.answer ?? '—'}</td>
                <td>
                  <EvidenceMoves evidence={q.evidence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {same.length > 0 && (
        <details>
          <summary>{same.length} answers unchanged</summary>
          <ul>
            {same.map((q) => (
              <li key={q.questionId}>
                {q.text}: {q.answer ?? '—'}
                {q.carried && <span className="details"> ({carriedWords[q.carried]})</span>}
                {q.evidence.kept.length > 0 && (
                  <span className="details"> · files kept: {q.evidence.kept.join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function EvidenceMoves({ evidence }: { evidence: Question['evidence'] }) {
  const parts: string[] = [];
  if (evidence.kept.length) parts.push(`kept: ${evidence.kept.join(', ')}`);
  if (evidence.dropped.length) parts.push(`dropped: ${evidence.dropped.join(', ')}`);
  if (evidence.added.length) parts.push(`new: ${evidence.added.join(', ')}`);
  return <>{parts.length ? parts.join('; ') : '—'}</>;
}

/** "+4.5 riskier", "−2 less risky", "no change"; blank when either side has no score. */
function delta(before: number | null | undefined, after: number | null | undefined): string {
  if (before === null || before === undefined || after === null || after === undefined) return '';
  const d = Math.round((after - before) * 10) / 10;
  if (d === 0) return 'no change';
  return d > 0 ? `+${d} riskier` : `−${-d} less risky`;
}

function ScoreMove({
  scores,
  sectionTitles,
}: {
  scores: CycleDiff['scores'];
  sectionTitles: Record<string, string>;
}) {
  if (!scores) return null;
  const { previous, current } = scores;
  if (!previous && !current) return null;
  const fmt = (n: number | null | undefined) =>
    n === null || n === undefined ? '—' : String(Math.round(n * 10) / 10);
  const sections = [
    ...new Set([...Object.keys(previous?.bySection ?? {}), ...Object.keys(current?.bySection ?? {})]),
  ];
  return (
    <table>
      <caption>How the scores moved (higher is riskier)</caption>
      <thead>
        <tr>
          <th scope="col">Score</th>
          <th scope="col">Previous cycle</th>
          <th scope="col">This cycle</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Inherent risk</th>
          <td>
            {fmt(previous?.inherent.score)} {previous && `(${previous.inherent.tier})`}
          </td>
          <td>{current ? `${fmt(current.inherent.score)} (${current.inherent.tier})` : 'not scored yet'}</td>
          <td>{delta(previous?.inherent.score, current?.inherent.score)}</td>
        </tr>
        <tr>
          <th scope="row">Residual risk</th>
          <td>
            {fmt(previous?.residual.score)} {previous?.residual.tier && `(${previous.residual.tier})`}
          </td>
          <td>
            {current
              ? `${fmt(current.residual.score)}${current.residual.tier ? ` (${current.residual.tier})` : ''}`
              : 'not scored yet'}
          </td>
          <td>{delta(previous?.residual.score, current?.residual.score)}</td>
        </tr>
        {sections.map((s) => (
          <tr key={s}>
            <th scope="row" className="details">
              {sectionTitles[s] ?? s}
            </th>
            <td>{fmt(previous?.bySection[s])}</td>
            <td>{current ? fmt(current.bySection[s]) : '—'}</td>
            <td>{delta(previous?.bySection[s], current?.bySection[s])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
