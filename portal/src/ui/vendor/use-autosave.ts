import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { useEffect, useSyncExternalStore } from 'react';
import type { Autosave } from './autosave-store';

export type { SaveStatus } from './autosave-store';

/**
 * Sends waiting answers when the page is closed, reloaded, navigated away from or hidden (the save
 * request is `keepalive`, so it outlives the page). Asks before leaving only when some answers cannot
 * be sent as they are; the browser shows its own wording.
 */
export function useSaveOnLeave(autosave: Autosave) {
  useEffect(() => {
    const leave = () => autosave.leave();
    const hidden = () => {
      if (document.visibilityState === 'hidden') autosave.leave();
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (autosave.hasUnsendable()) event.preventDefault();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('beforeunload', warn);
    };
  }, [autosave]);
}

/** The questionnaire page's view of the autosave: its answers, marks and status, and what it can do. */
export function useAutosave(autosave: Autosave, questions: Map<string, PublicQuestion>) {
  const { answers, errors, conflicts, status } = useSyncExternalStore(
    autosave.subscribe,
    autosave.getSnapshot,
  );
  const hasLocalErrors =
    Object.keys(errors).some((id) => questions.has(id)) || Object.keys(conflicts).length > 0;
  return {
    answers,
    status,
    errors,
    conflicts,
    hasLocalErrors,
    update: autosave.update,
    flush: autosave.flush,
    resolve: autosave.resolve,
  };
}
