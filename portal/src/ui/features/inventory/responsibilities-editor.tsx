import type { SupplierView } from '@sightline/shared/inventory/inventory-api';
import {
  type ResponsibilityMatrix,
  type ResponsibleParty,
  responsibilityActivities,
  responsibilityActivityLabels,
  responsibleParties,
} from '@sightline/shared/inventory/responsibilities';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { allInventoryKey } from './inventory-queries';

const partyLabels: Record<ResponsibleParty, string> = {
  organisation: 'Us',
  supplier: 'Supplier',
  shared: 'Shared',
  not_applicable: 'Not applicable',
};

type Props = { systemId: string; supplier: SupplierView; editable: boolean };

/** Who does what across the life cycle with this supplier (A.10.2), as a table that can be edited. */
export function ResponsibilitiesEditor({ systemId, supplier, editable }: Props) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
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
    failure: 'The server did not answer',
    onError: (e) => setError(e.message),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const matrix = Object.fromEntries(
      responsibilityActivities.map((a) => [
        a,
        {
          party: String(data.get(`${a}.party`)) as ResponsibleParty,
          note: String(data.get(`${a}.note`) ?? '').trim() || null,
        },
      ]),
    ) as ResponsibilityMatrix;
    setError(null);
    setSaved(false);
    save.mutate(matrix);
  };
  return (
    <form onSubmit={onSubmit} aria-label={`Responsibilities with ${supplier.vendorName}`}>
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
                      name={`${a}.party`}
                      defaultValue={current.party}
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
                    <input
                      name={`${a}.note`}
                      defaultValue={current.note ?? ''}
                      maxLength={1000}
                      aria-label={`${responsibilityActivityLabels[a]}: note`}
                    />
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
