import { type StaffRole, staffRoles } from '@sightline/shared/auth/roles';
import { ApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';

export function UsersPage() {
  const me = useMe().data;
  const isAdmin = hasRole(me, ['admin']);
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.api.users.$get()) });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string; link?: string } | null>(
    null,
  );
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });

  const invite = useMutation({
    mutationFn: (input: { email: string; name: string; role: StaffRole }) =>
      unwrap(api.api.users.invitations.$post({ json: input })),
    onSuccess: (result) => {
      setMessage(
        'link' in result && result.link
          ? {
              kind: 'info',
              text: 'No SMTP server is configured, so the invitation is not mailed. Copy the link and send it yourself; until the mail is sent, it waits in the mail outbox for admins to copy.',
              link: result.link,
            }
          : { kind: 'info', text: 'Invitation mailed; the link is not shown again.' },
      );
      refresh();
    },
    onError: (err) =>
      setMessage({ kind: 'error', text: err instanceof ApiClientError ? err.message : 'Could not invite' }),
  });
  const update = useMutation({
    mutationFn: (input: { id: string; role?: StaffRole; disabled?: boolean }) =>
      unwrap(
        api.api.users[':id'].$patch({
          param: { id: input.id },
          json: { role: input.role, disabled: input.disabled },
        }),
      ),
    onSuccess: refresh,
    onError: (err) =>
      setMessage({ kind: 'error', text: err instanceof ApiClientError ? err.message : 'Could not update' }),
  });

  const onInvite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({
      email: String(form.get('email')),
      name: String(form.get('name')),
      role: String(form.get('role')) as StaffRole,
    });
    event.currentTarget.reset();
  };

  return (
    <section>
      <h1>Users and roles</h1>
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          <p>{message.text}</p>
          {message.link && (
            <input readOnly aria-label="Invitation link" value={message.link} className="copy-field" />
          )}
        </div>
      )}
      {isAdmin && (
        <form className="card inline-form" onSubmit={onInvite} aria-label="Invite a staff member">
          <h2>Invite a staff member</h2>
          <label>
            Name
            <input name="name" required maxLength={120} />
          </label>
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Role
            <select name="role" defaultValue="reviewer">
              {staffRoles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={invite.isPending}>
            Invite
          </button>
        </form>
      )}
      <table>
        <caption>Staff</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {staff.data?.users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                {isAdmin ? (
                  <select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as StaffRole })}
                  >
                    {staffRoles.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  u.role
                )}
              </td>
              <td>
                {u.disabled ? 'disabled' : 'active'}
                {isAdmin && u.id !== me?.id && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                  >
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {staff.data && staff.data.invitations.length > 0 && (
        <table>
          <caption>Open invitations</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {staff.data.invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.email}</td>
                <td>{i.role}</td>
                <td>{new Date(i.expiresAt).toLocaleDateString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
