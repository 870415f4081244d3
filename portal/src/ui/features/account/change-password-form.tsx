import { changePasswordSchema } from '@sightline/shared/auth/staff-api';
import { z } from 'zod';
import { requestJson } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { FieldError, useZodForm } from '../../lib/zod-form';

/** What the server checks in a new password (see password-policy.ts), said before anyone types. */
export const PASSWORD_RULE =
  'At least 12 characters. Not a common password, not a pattern such as “aaaa” or “1234”, and not your email address. A few unrelated words make a strong one.';

/** The contract's fields, and the new password typed twice. */
const formSchema = changePasswordSchema
  .pick({ currentPassword: true, newPassword: true })
  .extend({ confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { message: 'The two new passwords differ', path: ['confirm'] });
type FormInput = z.output<typeof formSchema>;

type Props = {
  title: string;
  /** The label of the current-password field ("Current password", "One-time password"). */
  currentLabel: string;
  submitLabel: string;
  /** Called once the server accepted the new password (the other sessions are then signed out). */
  onChanged: () => void | Promise<void>;
};

/** Current password, new password twice; the server explains a refused password in words. */
export function ChangePasswordForm({ title, currentLabel, submitLabel, onChanged }: Props) {
  const form = useZodForm(formSchema, {
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const change = useApiMutation({
    mutationFn: ({ currentPassword, newPassword }: FormInput) =>
      requestJson('/api/auth/change-password', {
        method: 'POST',
        body: JSON.stringify({ currentPassword, newPassword }),
      }),
    failure: 'Could not change the password',
    onSuccess: async () => {
      form.reset();
      await onChanged();
    },
  });
  const errors = form.formState.errors;
  const { newPassword } = changePasswordSchema.shape;

  return (
    <form
      className="auth-card"
      onSubmit={form.handleSubmit((input) => change.mutate(input))}
      aria-label={title}
      noValidate
    >
      <label>
        {currentLabel}
        <input
          {...form.register('currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.currentPassword ? true : undefined}
          aria-describedby="current-password-error"
        />
      </label>
      <FieldError id="current-password-error" message={errors.currentPassword?.message} />
      <label>
        New password
        <input
          {...form.register('newPassword')}
          type="password"
          autoComplete="new-password"
          minLength={newPassword.minLength ?? undefined}
          maxLength={newPassword.maxLength ?? undefined}
          required
          aria-invalid={errors.newPassword ? true : undefined}
          aria-describedby="new-password-rule new-password-error"
        />
      </label>
      <p id="new-password-rule" className="muted">
        {PASSWORD_RULE}
      </p>
      <FieldError id="new-password-error" message={errors.newPassword?.message} />
      <label>
        Repeat the new password
        <input
          {...form.register('confirm')}
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby="confirm-password-error"
        />
      </label>
      <FieldError id="confirm-password-error" message={errors.confirm?.message} />
      <ApiErrorAlert error={change.error} />
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
