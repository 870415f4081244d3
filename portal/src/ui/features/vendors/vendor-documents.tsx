import {
  MAX_UPLOAD_BYTES,
  uploadAccept,
  uploadTypesSentence,
} from '@sightline/shared/assessments/upload-rules';
import { vendorDocumentFieldsSchema, vendorDocumentKinds } from '@sightline/shared/vendors/vendor-api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { EmptyState } from '../../components/empty-state';
import { api, requestJson, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { oneFile, textOrUndefined } from '../../lib/form-fields';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { type VendorDetail, vendorKey } from './vendor-queries';

type Props = { vendorId: string; documents: VendorDetail['documents']; canWrite: boolean };

const { shape } = vendorDocumentFieldsSchema;

/** The contract's fields beside the file, which is sent as multipart form data. */
const formSchema = z.object({
  title: shape.title,
  kind: shape.kind,
  expiresOn: textOrUndefined.pipe(shape.expiresOn),
  file: oneFile(MAX_UPLOAD_BYTES),
});
type Upload = z.output<typeof formSchema>;

function multipart({ title, kind, expiresOn, file }: Upload): FormData {
  const body = new FormData();
  body.set('title', title);
  body.set('kind', kind);
  if (expiresOn) body.set('expiresOn', expiresOn);
  body.set('file', file);
  return body;
}

const today = () => new Date().toISOString().slice(0, 10);

export function VendorDocuments({ vendorId, documents, canWrite }: Props) {
  const client = useQueryClient();
  const [uploaded, setUploaded] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: vendorKey(vendorId) });
  const form = useZodForm(formSchema, { defaultValues: { title: '', kind: 'certificate', expiresOn: '' } });
  const upload = useApiMutation({
    mutationFn: (input: Upload) =>
      requestJson<{ id: string }>(`/api/vendors/${vendorId}/documents`, {
        method: 'POST',
        body: multipart(input),
      }),
    onMutate: () => setUploaded(false),
    onSuccess: () => {
      setUploaded(true);
      form.reset();
      refresh();
    },
    failure: 'Upload failed',
  });
  const remove = useApiMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.api.vendors[':id'].documents[':documentId'].$delete({ param: { id: vendorId, documentId } }),
      ),
    onSuccess: refresh,
    failure: 'Could not remove the document',
  });
  const errors = form.formState.errors;
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
        <form
          className="card inline-form"
          onSubmit={form.handleSubmit((input) => upload.mutate(input))}
          aria-label="Upload a document"
          noValidate
        >
          <h2>Upload a document</h2>
          <div className="field">
            <label>
              Title
              <input
                {...form.register('title')}
                required
                {...textLimits(shape.title)}
                {...fieldErrorProps('document-title-error', errors.title)}
              />
            </label>
            <FieldError id="document-title-error" message={errors.title?.message} />
          </div>
          <label>
            Kind
            <select {...form.register('kind')}>
              {vendorDocumentKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <label>
              Expires on
              <input
                {...form.register('expiresOn')}
                type="date"
                {...fieldErrorProps('document-expires-error', errors.expiresOn)}
              />
            </label>
            <FieldError id="document-expires-error" message={errors.expiresOn?.message} />
          </div>
          <div className="field">
            <label>
              File <span className="info">({uploadTypesSentence})</span>
              <input
                {...form.register('file')}
                type="file"
                accept={uploadAccept}
                required
                {...fieldErrorProps('document-file-error', errors.file)}
              />
            </label>
            <FieldError id="document-file-error" message={errors.file?.message} />
          </div>
          <button type="submit" disabled={upload.isPending}>
            Upload
          </button>
          {uploaded && (
            <p role="status" className="ok">
              Document uploaded.
            </p>
          )}
          <ApiErrorAlert error={upload.error ?? remove.error} />
        </form>
      )}
    </>
  );
}
