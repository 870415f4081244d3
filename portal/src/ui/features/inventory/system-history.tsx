import type { AiSystemHistoryEntry } from '@sightline/shared/inventory/inventory-view';

/** Every change to the system, from the audit trail; the fields a change touched are named. */
export function SystemHistory({ history }: { history: readonly AiSystemHistoryEntry[] }) {
  return (
    <div className="card">
      <h2>History</h2>
      {history.length === 0 ? (
        <p className="info">No changes recorded.</p>
      ) : (
        <ol className="timeline">
          {history.map((h) => (
            <li key={`${h.at}-${h.action}`}>
              {new Date(h.at).toLocaleString()}: {h.action.replace(/^ai_system\./, '').replaceAll('_', ' ')}{' '}
              by {h.actor ?? 'Sightline'}
              {h.action === 'ai_system.updated' ? changedFields(h.details) : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** An update records `{ field: { from, to } }`; the history names the fields. */
function changedFields(details: Record<string, unknown>): string {
  const fields = Object.keys(details);
  return fields.length > 0 ? ` (${fields.join(', ')})` : '';
}
