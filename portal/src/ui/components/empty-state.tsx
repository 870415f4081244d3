import type { ReactNode } from 'react';

/**
 * Shown instead of a table that has no rows, so nobody faces bare headers: what the table would list
 * and what to do first. `action` (the link or button to that first step) only where the viewer may
 * take it.
 */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      <p>{children}</p>
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
