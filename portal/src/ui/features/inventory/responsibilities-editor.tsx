import type { SupplierView } from '@sightline/shared/inventory/inventory-api';
import {
  type ResponsibilityMatrix,
  type ResponsibleParty,
  responsibilityActivities,
  responsibilityActivityLabels,
  responsibilityMatrixSchema,
  responsibilitySchema,
  responsibleParties,
} from '@sightline/shared/inventory/responsibilities';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrNull } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, useZodForm } from '../../lib/zod-form';
import { allInventoryKey } from './inventory-queries';

const partyLabels: Record<ResponsibleParty, string> = {
  organisation: 'Us',
  supplier: 'Supplier',
  shared: 'Shared',
  not_applicable: 'Not applicable',
};

const row = z.object({ party: responsibilitySchema.shape.party, note: textOrNull });
/** One row per activity: who, and a note (empty meaning none). */
const formSchema = intoContract(
  z.object(
    Object.fromEntries(responsibilityActivities.map((a) => [a, row])) as Record<
      (typeof responsibilityActivities)[number],
      typeof row
    >,
  ),
  responsibilityMatrixSchema,
);
const noteLimits = textLimits(responsibilitySchema.shape.note);

type Props = { systemId: string; supplier: SupplierView; editable: boolean };

/** Who does what across the life cycle with this supplier (A.10.2), as a table that can be edited. */
export function ResponsibilitiesEditor({ systemId, supplier, editable }: Props) {
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useZodForm(formSchema, {
    defaultValues: Object.fromEntries(
      responsibilityActivities.map((a) => {
        const current = supplier.responsibilities[a];
        return [a, { party: current.party, note: current.note ?? '' }];
      }),
    ),
  });
  const save = useApiMutation({
    mutationFn: (responsibilities: ResponsibilityMatrix) =>
      unwrap(
        api.api.inventory[':id'].suppliers.$put({
          param: { id: systemId },
          json: { vendorId: supplier.vendorId, serviceId: supplier.serviceId, responsibilities },
        }),
      ),
    onSuccess: async () => {
      setSaved(true);
      await client.invalidateQueries({ queryKey: allInventoryKey });
    },
    onMutate: () => setSaved(false),
    failure: 'The server did not answer',
  });
  const errors = form.formState.errors;
  return (
    <form
      onSubmit={form.handleSubmit((matrix) => save.mutate(matrix))}
      aria-label={`Responsibilities with ${supplier.vendorName}`}
      noValidate
    >
      <table className="responsibilities">
        <caption>Responsibilities (A.10.2)</caption>
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Who</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {responsibilityActivities.map((a) => {
            const current = supplier.responsibilities[a];
            return (
              <tr key={a}>
                <th scope="row">{responsibilityActivityLabels[a]}</th>
                <td>
                  {editable ? (
                    <select
                      {...form.register(`${a}.party`)}
                      aria-label={`${responsibilityActivityLabels[a]}: who`}
                    >
                      {responsibleParties.map((p) => (
                        <option key={p} value={p}>
                          {partyLabels[p]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    partyLabels[current.party]
                  )}
                </td>
                <td>
                  {editable ? (
                    <>
                      <input
                        {...form.register(`${a}.note`)}
                        {...noteLimits}
                        aria-label={`${responsibilityActivityLabels[a]}: note`}
                        aria-invalid={errors[a]?.note ? true : undefined}
                        aria-describedby={`note-error-${supplier.vendorId}-${a}`}
                      />
                      <FieldError
                        id={`note-error-${supplier.vendorId}-${a}`}
                        message={errors[a]?.note?.message}
                      />
                    </>
                  ) : (
                    (current.note ?? '')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editable && (
        <button type="submit" className="secondary" disabled={save.isPending}>
          Save responsibilities
        </button>
      )}
      {saved && <span role="status"> Saved.</span>}
      <ApiErrorAlert error={save.error} />
    </form>
  );
}
