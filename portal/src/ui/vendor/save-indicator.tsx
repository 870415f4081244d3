import type { SaveStatus } from './use-autosave';

/** Announced politely to screen readers; errors stand out in colour and words, not colour alone. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.kind === 'saving'
      ? 'Saving…'
      : status.kind === 'pending'
        ? 'Unsaved changes…'
        : status.kind === 'saved'
          ? `Saved at ${status.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
          : status.kind === 'error'
            ? `Not saved: ${status.message}`
            : 'All answers saved';
  return (
    <p className={`save-status ${status.kind}`} aria-live="polite" role="status">
      {text}
    </p>
  );
}
