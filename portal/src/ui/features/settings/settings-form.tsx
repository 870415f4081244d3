import { updateOrgSettingsSchema } from '@sightline/shared/extension-api/staff-admin';
import { type RolloutMode, rolloutModes } from '@sightline/shared/policy/policy-states';
import { z } from 'zod';
import { listOf, numberText } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { numberLimits, textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

/** Short names in the dropdown (a closed select cannot wrap); what each does below it. */
const modeNames: Record<RolloutMode, string> = {
  monitor: 'Monitor',
  coach: 'Coach',
  enforce: 'Enforce',
};
const modeHelp: Record<RolloutMode, string> = {
  monitor: 'Record usage only, no warnings.',
  coach: 'Banners for unreviewed and conditional services, a warning page for unapproved and blocked ones.',
  enforce: 'Like coach, and blocked services are blocked outright.',
};

const { shape } = updateOrgSettingsSchema;

/** The settings as the form holds them: numbers as typed, the domains as one line of text. */
const formSchema = intoContract(
  z.object({
    name: z.string(),
    mode: shape.mode.unwrap(),
    failMode: shape.failMode.unwrap(),
    emailDomains: listOf(shape.emailDomains.unwrap().element, /[\s,]+/),
    pseudonymiseUsers: z.boolean(),
    rawEventRetentionDays: numberText,
    proceedOnceMinutes: numberText,
    separateApproverFromReviewer: z.boolean(),
    rejectedServiceState: shape.rejectedServiceState.unwrap(),
  }),
  updateOrgSettingsSchema,
);
export type SettingsFormOutput = z.output<typeof formSchema>;

type Settings = Omit<
  z.input<typeof formSchema>,
  'emailDomains' | 'rawEventRetentionDays' | 'proceedOnceMinutes'
> & {
  emailDomains: string[];
  rawEventRetentionDays: number;
  proceedOnceMinutes: number;
  policyVersion: number;
};

type Props = {
  settings: Settings;
  /** Only admins change anything; for others every field is disabled. */
  isAdmin: boolean;
  saving: boolean;
  onSave: (settings: SettingsFormOutput) => void;
};

/** Rollout and fail mode, email domains, privacy, retention and decision rules. */
export function SettingsForm({ settings: s, isAdmin, saving, onSave }: Props) {
  const form = useZodForm(formSchema, {
    disabled: !isAdmin,
    defaultValues: {
      ...s,
      emailDomains: s.emailDomains.join(', '),
      rawEventRetentionDays: String(s.rawEventRetentionDays),
      proceedOnceMinutes: String(s.proceedOnceMinutes),
    },
  });
  const errors = form.formState.errors;
  const mode = form.watch('mode');

  return (
    <form
      className="card settings-form"
      onSubmit={form.handleSubmit(onSave)}
      aria-label="Extension settings"
      noValidate
    >
      <label>
        Organisation name (shown on warning pages)
        <input
          {...form.register('name')}
          required
          {...textLimits(shape.name)}
          {...fieldErrorProps('settings-name-error', errors.name)}
        />
      </label>
      <FieldError id="settings-name-error" message={errors.name?.message} />
      <label>
        Rollout mode
        <select {...form.register('mode')} aria-describedby="rollout-mode-help">
          {rolloutModes.map((m) => (
            <option key={m} value={m}>
              {modeNames[m]}
            </option>
          ))}
        </select>
        <span id="rollout-mode-help" className="field-help">
          {modeHelp[mode]}
        </span>
      </label>
      <label>
        Fail mode (a browser that has never reached the portal cannot see this: set the same failMode in the
        managed browser policy)
        <select {...form.register('failMode')}>
          <option value="open">Fail open: record only</option>
          <option value="closed">Fail closed: warn or block AI services (as the managed policy says)</option>
        </select>
      </label>
      <label>
        Work email domains (for the personal-vs-work account hint; comma or space separated)
        <input
          {...form.register('emailDomains')}
          {...fieldErrorProps('settings-domains-error', errors.emailDomains)}
        />
      </label>
      <FieldError id="settings-domains-error" message={errors.emailDomains?.message} />
      <label className="checkbox">
        <input type="checkbox" {...form.register('pseudonymiseUsers')} />
        Pseudonymise user identities (applies to browsers enrolled from now on)
      </label>
      <label>
        Keep raw events for (days; daily counts are kept)
        <input
          {...form.register('rawEventRetentionDays')}
          type="number"
          {...numberLimits(shape.rawEventRetentionDays)}
          {...fieldErrorProps('settings-retention-error', errors.rawEventRetentionDays)}
        />
      </label>
      <FieldError id="settings-retention-error" message={errors.rawEventRetentionDays?.message} />
      <label>
        “Proceed once” lasts (minutes)
        <input
          {...form.register('proceedOnceMinutes')}
          type="number"
          {...numberLimits(shape.proceedOnceMinutes)}
          {...fieldErrorProps('settings-proceed-error', errors.proceedOnceMinutes)}
        />
      </label>
      <FieldError id="settings-proceed-error" message={errors.proceedOnceMinutes?.message} />
      <label className="checkbox">
        <input type="checkbox" {...form.register('separateApproverFromReviewer')} />
        Separation of duties: whoever reviewed an assessment may not decide it
      </label>
      <label>
        A rejected service becomes
        <select {...form.register('rejectedServiceState')}>
          <option value="blocked">Blocked</option>
          <option value="unapproved">Unapproved (staff are warned, not blocked)</option>
        </select>
      </label>
      {isAdmin && (
        <button type="submit" disabled={saving}>
          Save settings
        </button>
      )}
      <p className="muted">Policy version {s.policyVersion}.</p>
    </form>
  );
}
