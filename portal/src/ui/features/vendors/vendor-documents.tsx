import { uploadAccept, uploadTypesSentence } from '@sightline/shared/assessments/upload-rules';
import { vendorDocumentKinds } from '@sightline/shared/vendors/vendor-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { api, requestJson, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { type VendorDetail, vendorKey } from './vendor-queries';

type Props = { vendorId: string; documents: VendorDetail['documents']; canWrite: boolean };

const today = () => new Date().toISOString().slice(0, 10);

export function VendorDocuments({ vendorId, documents, canWrite }: Props) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: vendorKey(vendorId) });
  const upload = useApiMutation({
    mutationFn: (form: FormData) =>
      requestJson<{ id: string }>(`/api/vendors/${vendorId}/documents`, { method: 'POST', body: form }),
    onSuccess: () => {
      setMessage({ error: false, text: 'Document uploaded.' });
      refresh();
    },
    failure: 'Upload failed',
    onError: (e) => setMessage({ error: true, text: e.message }),
  });
  const remove = useMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.api.vendors[':id'].documents[':documentId'].$delete({ param: { id: vendorId, documentId } }),
      ),
    onSuccess: refresh,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setMessage(null);
    upload.mutate(new FormData(form), { onSuccess: () => form.reset() });
  };
  return (
    <>
      {documents.length === 0 ? (
        <EmptyState title="No documents yet">
          Contracts, data processing agreements, certificates and reports from this vendor, each with its
          expiry date.{canWrite && ' Upload the first one below.'}
        </EmptyState>
      ) : (
        <table>
          <caption>Documents</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">File</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>{d.title}</td>
                <td>{d.kind}</td>
                <td>
                  <a href={`/api/vendors/${vendorId}/documents/${d.id}/file`} download>
                    {d.fileName}
                  </a>
                  <span className="details"> sha256 {d.sha256?.slice(0, 12)}…</span>
                </td>
                <td className={d.expiresOn && d.expiresOn < today() ? 'error' : ''}>
                  {d.expiresOn ?? '—'}
                  {d.expiresOn && d.expiresOn < today() ? ' (expired)' : ''}
                </td>
                <td>
                  {canWrite && (
                    <button type="button" className="link-button" onClick={() => remove.mutate(d.id)}>
                      Remove<span className="visually-hidden"> {d.title}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form className="card inline-form" onSubmit={onSubmit} aria-label="Upload a document">
          <h2>Upload a document</h2>
          <label>
            Title
            <input name="title" required maxLength={200} />
          </label>
          <label>
            Kind
            <select name="kind" defaultValue="certificate">
              {vendorDocumentKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            Expires on
            <input name="expiresOn" type="date" />
          </label>
          <label>
            File <span className="info">({uploadTypesSentence})</span>
            <input name="file" type="file" accept={uploadAccept} required />
          </label>
          <button type="submit" disabled={upload.isPending}>
            Upload
          </button>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
              {message.text}
            </p>
          )}
        </form>
      )}
    </>
  );
}
