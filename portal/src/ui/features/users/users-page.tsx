import { type StaffRole, staffRoleSchema, staffRoles } from '@sightline/shared/auth/roles';
import { type InviteStaffInput, inviteStaffSchema } from '@sightline/shared/auth/staff-api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';
import { FieldError, useZodForm } from '../../lib/zod-form';

export function UsersPage() {
  const me = useMe().data;
  const isAdmin = hasRole(me, ['admin']);
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.api.users.$get()) });
  const [message, setMessage] = useState<{ text: string; link?: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const form = useZodForm(inviteStaffSchema, { defaultValues: { name: '', email: '', role: 'reviewer' } });

  const invite = useApiMutation({
    mutationFn: (input: InviteStaffInput) => unwrap(api.api.users.invitations.$post({ json: input })),
    failure: 'Could not invite',
    onMutate: () => setMessage(null),
    onSuccess: (result) => {
      form.reset();
      setMessage(
        'link' in result && result.link
          ? {
              text: 'No SMTP server is configured, so the invitation is not mailed. Copy the link and send it yourself; until the mail is sent, it waits in the mail outbox for admins to copy.',
              link: result.link,
            }
          : { text: 'Invitation mailed; the link is not shown again.' },
      );
      refresh();
    },
  });
  const update = useApiMutation({
    mutationFn: (input: { id: string; role?: StaffRole; disabled?: boolean }) =>
      unwrap(
        api.api.users[':id'].$patch({
          param: { id: input.id },
          json: { role: input.role, disabled: input.disabled },
        }),
      ),
    failure: 'Could not update',
    onSuccess: refresh,
  });
  const errors = form.formState.errors;

  return (
    <section>
      <h1>Users and roles</h1>
      <ApiErrorAlert error={invite.error ?? update.error} />
      {message && (
        <div role="status" className="info">
          <p>{message.text}</p>
          {message.link && (
            <input readOnly aria-label="Invitation link" value={message.link} className="copy-field" />
          )}
        </div>
      )}
      {isAdmin && (
        <form
          className="card inline-form"
          onSubmit={form.handleSubmit((input) => invite.mutate(input))}
          aria-label="Invite a staff member"
          noValidate
        >
          <h2>Invite a staff member</h2>
          <div className="field">
            <label>
              Name
              <input
                {...form.register('name')}
                required
                maxLength={inviteStaffSchema.shape.name.maxLength ?? undefined}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby="invite-name-error"
              />
            </label>
            <FieldError id="invite-name-error" message={errors.name?.message} />
          </div>
          <div className="field">
            <label>
              Email
              <input
                {...form.register('email')}
                type="email"
                required
                aria-invalid={errors.email ? true : undefined}
                aria-describedby="invite-email-error"
              />
            </label>
            <FieldError id="invite-email-error" message={errors.email?.message} />
          </div>
          <label>
            Role
            <select {...form.register('role')}>
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
                    onChange={(e) => update.mutate({ id: u.id, role: staffRoleSchema.parse(e.target.value) })}
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
