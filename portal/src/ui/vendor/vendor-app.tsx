import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import type { AnswerInput } from '@sightline/shared/questionnaire/answer-schema';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createAutosave } from './autosave-store';
import { QuestionnairePage } from './questionnaire-page';
import { useSaveOnLeave } from './use-autosave';
import { createVendorApi, tokenFromLocation } from './vendor-api';

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; view: VendorView }
  | { kind: 'failed'; status: number; message: string };

const headings: Record<number, string> = {
  0: 'No connection',
  404: 'This link does not work',
  410: 'This link is no longer valid',
  429: 'Too many attempts',
};

export function VendorApp() {
  const token = useMemo(() => tokenFromLocation(window.location.hash), []);
  const api = useMemo(() => createVendorApi(token ?? ''), [token]);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  // The answers live here, above the page: the page is rebuilt when the assessment's state changes
  // (the first save or upload starts it), and what the person typed must outlive that.
  const autosave = useMemo(() => createAutosave(api.save), [api]);
  useSaveOnLeave(autosave);

  /** Refetches the view; answers waiting to be saved go first, and the refetch is merged, never replacing them. */
  const reload = useCallback(async () => {
    await autosave.flush();
    try {
      const view = await api.view();
      autosave.receive({ answers: view.answers as Record<string, AnswerInput>, revisions: view.revisions });
      setLoad({ kind: 'ready', view });
    } catch (error) {
      const e = toApiClientError(error);
      setLoad({ kind: 'failed', status: e.status, message: e.message });
    }
  }, [api, autosave]);

  useEffect(() => {
    if (!token) {
      setLoad({
        kind: 'failed',
        status: 404,
        message: 'The link is incomplete. Open the whole link from your invitation email.',
      });
      return;
    }
    void reload();
  }, [token, reload]);

  if (load.kind === 'loading') {
    return (
      <main id="main" className="center">
        <p role="status">Loading your questionnaire…</p>
      </main>
    );
  }
  if (load.kind === 'failed') {
    return (
      <main id="main" className="center">
        <h1>{headings[load.status] ?? 'Something went wrong'}</h1>
        <p role="alert">{load.message}</p>
      </main>
    );
  }
  return (
    <QuestionnairePage
      key={`${load.view.assessment.state}`}
      view={load.view}
      api={api}
      autosave={autosave}
      reload={reload}
    />
  );
}
