import { useState } from 'react';
import { useMe } from '../../lib/session';
import { ChangePasswordForm } from './change-password-form';

/** Who you are, and where you change your password. */
export function AccountPage() {
  const me = useMe().data;
  const [changed, setChanged] = useState(false);

  return (
    <section>
      <h1>Your account</h1>
      <p>
        {me?.name} · {me?.email} · role <span className="role">{me?.role}</span>
      </p>
      <div className="card">
        <h2>Change your password</h2>
        <ChangePasswordForm
          title="Change your password"
          currentLabel="Current password"
          submitLabel="Change password"
          onChanged={() => setChanged(true)}
        />
        {changed && (
          <p role="status" className="ok">
            Password changed. Your other sessions were signed out.
          </p>
        )}
      </div>
    </section>
  );
}
