import {
  createSsoProviderSchema,
  type SsoProviderView,
  updateSsoProviderSchema,
} from '@sightline/shared/auth/sso-api';
import { z } from 'zod';
import { listOf, textOrNull } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { roleRulesAsText, roleRulesText } from './sso-provider-fields';

const { shape } = createSsoProviderSchema;

/** What the inputs hold: lists as text (domains and scopes on one line, role rules one per line). */
const fields = {
  label: z.string(),
  issuer: z.string().trim(),
  clientId: z.string().trim(),
  clientSecret: z.string(),
  domains: listOf(shape.domains.element, /[\s,]+/),
  groupsClaim: z.string(),
  departmentClaim: textOrNull,
  managerClaim: textOrNull,
  roleRules: roleRulesText,
  passwordsOff: z.boolean(),
  scopes: listOf(z.string(), /[\s,]+/),
};
const createForm = intoContract(z.object({ providerId: z.string(), ...fields }), createSsoProviderSchema);
const updateForm = intoContract(
  z.object({ ...fields, clientSecret: z.string().transform((s) => s || undefined) }),
  updateSsoProviderSchema,
);
export type CreateOutput = z.output<typeof createForm>;
export type UpdateOutput = z.output<typeof updateForm>;

type Props = {
  /** The provider being changed; absent: a new one. */
  current?: SsoProviderView;
  saving: boolean;
  onCreate: (input: CreateOutput) => void;
  onUpdate: (providerId: string, input: UpdateOutput) => void;
  onCancel: () => void;
};

/** Adding or changing one OpenID Connect provider. */
export function SsoProviderForm({ current, saving, onCreate, onUpdate, onCancel }: Props) {
  const form = useZodForm(current ? updateForm : createForm, {
    defaultValues: {
      providerId: current?.providerId ?? '',
      label: current?.label ?? '',
      issuer: current?.issuer ?? '',
      clientId: current?.clientId ?? '',
      clientSecret: '',
      domains: current?.domains.join(', ') ?? '',
      groupsClaim: current?.groupsClaim ?? 'groups',
      departmentClaim: current?.departmentClaim ?? '',
      managerClaim: current?.managerClaim ?? '',
      roleRules: current ? roleRulesAsText(current.roleRules) : '',
      passwordsOff: current?.passwordsOff ?? false,
      scopes: current?.scopes.join(' ') ?? 'openid email profile',
    },
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const providerId = current?.providerId ?? String(form.watch('providerId' as never) ?? '');
  /** One labelled input with its hint and its problem. */
  const field = (name: string, label: string, hint?: string, extra: Record<string, unknown> = {}) => {
    const props = {
      ...form.register(name as never),
      ...extra,
      ...fieldErrorProps(`sso-${name}-error`, errors[name]),
    };
    return (
      <div className="field">
        <label>
          {label}
          <input {...props} />
        </label>
        {hint && <span className="muted">{hint}</span>}
        <FieldError id={`sso-${name}-error`} message={errors[name]?.message} />
      </div>
    );
  };

  return (
    <form
      className="card settings-form"
      aria-label={current ? `Change ${current.label}` : 'Add an identity provider'}
      noValidate
      onSubmit={form.handleSubmit((input) =>
        current ? onUpdate(current.providerId, input as UpdateOutput) : onCreate(input as CreateOutput),
      )}
    >
      <h3>{current ? `Change ${current.label}` : 'Add an identity provider'}</h3>
      {!current &&
        field('providerId', 'Provider id (part of the redirect URL; cannot change later)', undefined, {
          placeholder: 'e.g. okta',
          required: true,
        })}
      <p className="muted">
        Redirect URL to register at the provider:{' '}
        <code>{`${window.location.origin}/api/auth/sso/callback/${providerId || '<provider id>'}`}</code>
      </p>
      {field('label', 'Name shown on the sign-in page', undefined, {
        ...textLimits(shape.label),
        required: true,
      })}
      {field('issuer', 'Issuer URL', 'Its /.well-known/openid-configuration is read when you save.', {
        type: 'url',
        required: true,
        placeholder: 'https://login.example.com/…',
      })}
      {field('clientId', 'Client id', undefined, { required: true })}
      {field(
        'clientSecret',
        'Client secret',
        current
          ? 'Stored encrypted and never shown. Leave blank to keep it.'
          : 'Stored encrypted and never shown again.',
        { type: 'password', autoComplete: 'off', required: !current },
      )}
      {field('domains', 'Email domains it serves', undefined, { placeholder: 'example.com, example.org' })}
      {field('scopes', 'Scopes', 'Okta and some others send groups only with a "groups" scope.')}
      {field('groupsClaim', 'Groups claim', 'The ID token claim listing the person’s groups.')}
      {field('departmentClaim', 'Department claim (optional)', undefined, { placeholder: 'department' })}
      {field(
        'managerClaim',
        'Manager claim (optional)',
        'The claim with the manager’s email address; kept with the department.',
        { placeholder: 'manager_email' },
      )}
      <div className="field">
        <label>
          Groups and roles, one per line: group = role
          <textarea
            rows={4}
            placeholder="sightline-admins = admin"
            {...form.register('roleRules' as never)}
            {...fieldErrorProps('sso-roleRules-error', errors.roleRules)}
          />
        </label>
        <span className="muted">
          The first line whose group the person is in gives the role (admin, procurement, reviewer, approver,
          auditor or viewer). People in none of these groups cannot sign in.
        </span>
        <FieldError id="sso-roleRules-error" message={errors.roleRules?.message} />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...form.register('passwordsOff' as never)} />
        Switch passwords off for these domains (administrators keep theirs, as a way in if the provider is
        down)
      </label>
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Checking the provider…' : current ? 'Save provider' : 'Add provider'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
