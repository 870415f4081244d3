import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { QuestionnairePage } from './questionnaire-page';
import { createVendorApi, tokenFromLocation, VendorApiError } from './vendor-api';

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

  const reload = useCallback(async () => {
    try {
      setLoad({ kind: 'ready', view: await api.view() });
    } catch (error) {
      const e =
        error instanceof VendorApiError ? error : new VendorApiError(0, 'network', 'Something went wrong.');
      setLoad({ kind: 'failed', status: e.status, message: e.message });
    }
  }, [api]);

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
    <QuestionnairePage key={`${load.view.assessment.state}`} view={load.view} api={api} reload={reload} />
  );
}
