import type { CreateAiSystemInput } from '@sightline/shared/inventory/inventory-api';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { allInventoryKey } from './inventory-queries';
import { SystemForm } from './system-form';

/** A system entered by hand: one built in-house, or a bought one no assessment has covered yet. */
export function InventoryNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useApiMutation({
    mutationFn: (json: CreateAiSystemInput) => unwrap(api.api.inventory.$post({ json })),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: allInventoryKey });
      navigate(`/inventory/${created.id}`);
    },
    failure: 'The server did not answer',
  });
  return (
    <section>
      <p>
        <Link to="/inventory">← AI system inventory</Link>
      </p>
      <h1>Add an AI system</h1>
      <SystemForm
        submitLabel="Add system"
        pending={create.isPending}
        error={create.error}
        onSubmit={create.mutate}
      />
    </section>
  );
}
