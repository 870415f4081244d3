import { ApiClientError, toApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../lib/api';

type Problem = { path: string; message: string };

/** Paste or pick a JSON or YAML template; every problem the validator finds is listed. */
export function ImportTemplateForm() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [source, setSource] = useState('');
  const [format, setFormat] = useState<'json' | 'yaml'>('yaml');
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null);
  const importTemplate = useMutation({
    mutationFn: () => unwrap(api.api.templates.import.$post({ json: { format, source } })),
    onSuccess: (created) => {
      client.invalidateQueries({ queryKey: ['templates'] });
      navigate(`/templates/${created.id}`);
    },
    onError: (e) =>
      setError({
        message: toApiClientError(e, 'Import failed').message,
        problems: e instanceof ApiClientError && Array.isArray(e.details) ? (e.details as Problem[]) : [],
      }),
  });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setSource(await file.text());
    setFormat(/\.json$/i.test(file.name) ? 'json' : 'yaml');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    importTemplate.mutate();
  };
  return (
    <form className="card form-grid" onSubmit={onSubmit} aria-label="Import a template">
      <h2>Import a template</h2>
      <label>
        From a file
        <input
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as 'json' | 'yaml')}>
          <option value="yaml">YAML</option>
          <option value="json">JSON</option>
        </select>
      </label>
      <label className="wide">
        Template source
        <textarea
          rows={10}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          required
          className="mono"
        />
      </label>
      <button type="submit" disabled={importTemplate.isPending || source.trim() === ''}>
        Import
      </button>
      <div role="alert" className="wide">
        {error && (
          <>
            <p className="error">{error.message}</p>
            {error.problems.length > 0 && (
              <ul className="error">
                {error.problems.map((p) => (
                  <li key={`${p.path} ${p.message}`}>
                    <code>{p.path || '(root)'}</code>: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </form>
  );
}
