import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';
import { DepartmentsSection } from './departments-section';
import { EnrollmentTokensSection } from './enrollment-tokens-section';
import { SettingsForm, type SettingsFormOutput } from './settings-form';
import { SsoSection } from './sso-section';

/**
 * Org-wide settings (admin): rollout and fail mode, email domains, privacy, retention, tokens, and
 * people's departments, and single sign-on (admins only).
 */
export function SettingsPage() {
  const isAdmin = hasRole(useMe().data, ['admin']);
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.api.settings.$get()) });
  const [saved, setSaved] = useState(false);
  const save = useApiMutation({
    mutationFn: (json: SettingsFormOutput) => unwrap(api.api.settings.$patch({ json })),
    onMutate: () => setSaved(false),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['settings'] });
    },
    failure: 'Could not save',
  });
  const s = settings.data;

  return (
    <section>
      <h1>Settings</h1>
      {saved && (
        <p role="status" className="info">
          Settings saved. Browsers pick them up on their next policy sync.
        </p>
      )}
      <ApiErrorAlert error={save.error} />
      {s && (
        <SettingsForm
          key={s.updatedAt}
          settings={s}
          isAdmin={isAdmin}
          saving={save.isPending}
          onSave={(json) => save.mutate(json)}
        />
      )}
      <EnrollmentTokensSection isAdmin={isAdmin} />
      <DepartmentsSection isAdmin={isAdmin} />
      {isAdmin && <SsoSection />}
    </section>
  );
}
