import type { FindingEvent } from '@sightline/shared/findings/finding-states';
import {
  type FindingView,
  findingTransitionSchema,
  updateFindingSchema,
} from '@sightline/shared/findings/findings-api';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrNull, textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

const eventLabels: Record<FindingEvent, string> = {
  start_remediation: 'Start remediation',
  resolve: 'Resolve (the fix holds)',
  accept_risk: 'Accept the risk',
  reopen: 'Reopen',
};

const planSchema = intoContract(
  z.object({ dueOn: textOrNull, requestedAction: textOrNull }),
  updateFindingSchema,
);

/** By when, and what the vendor must provide or change; empty clears either. */
export function FindingPlanForm({ finding, onSaved }: { finding: FindingView; onSaved: () => unknown }) {
  const form = useZodForm(planSchema, {
    defaultValues: { dueOn: finding.dueOn ?? '', requestedAction: finding.requestedAction ?? '' },
  });
  const update = useApiMutation({
    mutationFn: (json: z.output<typeof planSchema>) =>
      unwrap(api.api.findings[':id'].$patch({ param: { id: finding.id }, json })),
    onSuccess: onSaved,
    failure: 'The server did not answer',
  });
  const errors = form.formState.errors;
  const ids = { due: `finding-due-${finding.id}`, action: `finding-action-${finding.id}` };
  return (
    <form onSubmit={form.handleSubmit((json) => update.mutate(json))} className="stacked-form" noValidate>
      <label>
        Due
        <input {...form.register('dueOn')} type="date" {...fieldErrorProps(ids.due, errors.dueOn)} />
      </label>
      <FieldError id={ids.due} message={errors.dueOn?.message} />
      <label>
        What the vendor must provide or change
        <textarea
          {...form.register('requestedAction')}
          rows={2}
          {...textLimits(updateFindingSchema.shape.requestedAction)}
          {...fieldErrorProps(ids.action, errors.requestedAction)}
        />
      </label>
      <FieldError id={ids.action} message={errors.requestedAction?.message} />
      <button type="submit" className="secondary" disabled={update.isPending}>
        Save
      </button>
      <ApiErrorAlert error={update.error} />
    </form>
  );
}

const moveSchema = intoContract(
  z.object({ event: findingTransitionSchema.shape.event, note: textOrUndefined }),
  findingTransitionSchema,
);

/** A status change the person may make now, with a note (required to accept a risk). */
export function FindingMoveForm({
  finding,
  events,
  onMoved,
}: {
  finding: FindingView;
  events: FindingEvent[];
  onMoved: () => unknown;
}) {
  const form = useZodForm(moveSchema, { defaultValues: { event: events[0] ?? '', note: '' } });
  const move = useApiMutation({
    mutationFn: (json: z.output<typeof moveSchema>) =>
      unwrap(api.api.findings[':id'].transition.$post({ param: { id: finding.id }, json })),
    onSuccess: onMoved,
    failure: 'The server did not answer',
  });
  const noteError = form.formState.errors.note;
  const noteId = `finding-note-${finding.id}`;
  return (
    <form onSubmit={form.handleSubmit((json) => move.mutate(json))} className="stacked-form" noValidate>
      <label>
        Change status
        <select {...form.register('event')}>
          {events.map((e) => (
            <option key={e} value={e}>
              {eventLabels[e]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note (required to accept a risk)
        <textarea
          {...form.register('note')}
          rows={2}
          {...textLimits(findingTransitionSchema.shape.note)}
          {...fieldErrorProps(noteId, noteError)}
        />
      </label>
      <FieldError id={noteId} message={noteError?.message} />
      <button type="submit" className="secondary" disabled={move.isPending}>
        Apply
      </button>
      <ApiErrorAlert error={move.error} />
    </form>
  );
}
