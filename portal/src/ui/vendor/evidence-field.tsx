import {
  MAX_UPLOAD_BYTES,
  uploadAccept,
  uploadTypesSentence,
} from '@sightline/shared/assessments/upload-rules';
import { evidenceFieldsSchema, type PublicEvidence } from '@sightline/shared/assessments/vendor-page-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { useState } from 'react';
import { z } from 'zod';
import { oneFile } from '../lib/form-fields';
import { FieldError, fieldErrorProps, useZodForm } from '../lib/zod-form';
import { fieldId } from './answer-input';
import type { VendorApi } from './vendor-api';

type Props = {
  question: PublicQuestion;
  files: readonly PublicEvidence[];
  editable: boolean;
  api: VendorApi;
  flush: () => Promise<void>;
  onChange: () => void;
};

/** The file, and the certificate's expiry date when the question asks for one (the contract's date). */
const withExpiry = z.object({
  file: oneFile(MAX_UPLOAD_BYTES),
  expiresOn: evidenceFieldsSchema.shape.expiresOn.unwrap(),
});
const fileOnly = z.object({
  file: oneFile(MAX_UPLOAD_BYTES),
  expiresOn: z.string().transform(() => undefined),
});
type Upload = { file: File; expiresOn: string | undefined };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Upload and list files for one question; the server checks each file's type from its bytes. */
export function EvidenceField({ question, files, editable, api, flush, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const base = `${fieldId(question.id)}-evidence`;
  const askExpiry = question.evidence?.certificateExpiry === true;

  const form = useZodForm<z.ZodType<Upload, { file?: FileList; expiresOn: string }>>(
    askExpiry ? withExpiry : fileOnly,
    { defaultValues: { expiresOn: '' } },
  );
  const uploading = form.formState.isSubmitting;
  const errors = form.formState.errors;

  const upload = async ({ file, expiresOn }: Upload) => {
    const data = new FormData();
    data.set('questionId', question.id);
    if (expiresOn) data.set('expiresOn', expiresOn);
    data.set('file', file);
    setMessage(null);
    try {
      // Answers typed a moment ago go first, so the server has them before the file and its refetch.
      await flush();
      const created = await api.upload(data);
      setMessage({ error: false, text: `Uploaded ${created.fileName}.` });
      form.reset();
      onChange();
    } catch (error) {
      setMessage({ error: true, text: toApiClientError(error, 'Upload failed.').message });
    }
  };

  const remove = async (file: PublicEvidence) => {
    setBusy(true);
    try {
      await flush();
      await api.removeEvidence(file.id);
      setMessage({ error: false, text: `Removed ${file.fileName}.` });
      onChange();
    } catch (error) {
      setMessage({
        error: true,
        text: toApiClientError(error, 'Could not remove the file.').message,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="evidence">
      <p className="evidence-title">{question.evidence?.label ?? 'Supporting evidence'}</p>
      {files.length > 0 && (
        <ul className="files" aria-label={`Files for: ${question.text}`}>
          {files.map((f) => (
            <li key={f.id}>
              <span className="file-name">{f.fileName}</span>{' '}
              <span className="hint">
                ({size(f.sizeBytes)}
                {f.expiresOn ? `, valid until ${f.expiresOn}` : ''})
              </span>
              {editable && (
                <button type="button" className="link-button" disabled={busy} onClick={() => void remove(f)}>
                  Remove<span className="visually-hidden"> {f.fileName}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="upload" onSubmit={form.handleSubmit(upload)} noValidate>
          <label htmlFor={`${base}-file`}>
            File <span className="hint">({uploadTypesSentence})</span>
          </label>
          <input
            id={`${base}-file`}
            {...form.register('file')}
            type="file"
            accept={uploadAccept}
            required
            disabled={busy || uploading}
            {...fieldErrorProps(`${base}-file-error`, errors.file)}
          />
          <FieldError id={`${base}-file-error`} message={errors.file?.message} />
          {askExpiry && (
            <>
              <label htmlFor={`${base}-expiry`}>Certificate expiry date</label>
              <input
                id={`${base}-expiry`}
                {...form.register('expiresOn')}
                type="date"
                required
                disabled={busy || uploading}
                {...fieldErrorProps(`${base}-expiry-error`, errors.expiresOn)}
              />
              <FieldError id={`${base}-expiry-error`} message={errors.expiresOn?.message} />
            </>
          )}
          <button type="submit" className="secondary" disabled={busy || uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </button>
        </form>
      )}
      <p
        className={message?.error ? 'field-error' : 'status-note'}
        role={message?.error ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}
