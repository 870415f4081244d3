import {
  type DepartmentImportMode,
  type DepartmentImportProblems,
  type DepartmentRowProblem,
  type departmentImportResultSchema,
  MAX_IMPORT_BYTES,
} from '@sightline/shared/directory/department-import';
import type { ApiClientError } from '@sightline/shared/http/api-client-error';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, requestJson, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { oneFile } from '../../lib/form-fields';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

type ImportResult = z.infer<typeof departmentImportResultSchema>;
type Refusal = { message: string; problems: DepartmentRowProblem[]; totalProblems: number };

const formSchema = z.object({ file: oneFile(MAX_IMPORT_BYTES), replace: z.boolean() });

/** The file and the import mode the contract names (departmentImportFieldsSchema), as multipart. */
function multipart({ file, replace }: z.output<typeof formSchema>): FormData {
  const body = new FormData();
  body.set('file', file);
  const mode: DepartmentImportMode = replace ? 'replace' : 'upsert';
  body.set('mode', mode);
  return body;
}

/** Shown next to each bad line: which column the reason is about. */
const columnNames = { email: 'email', department: 'department', manager: 'manager' } as const;

/**
 * People's departments for the discovery breakdowns: how many people have one, and (admins) a CSV
 * upload. A refused file lists each bad line with its reason; nothing of it was imported.
 */
export function DepartmentsSection({ isAdmin }: { isAdmin: boolean }) {
  const client = useQueryClient();
  const summary = useQuery({
    queryKey: ['directory', 'departments'],
    queryFn: () => unwrap(api.api.directory.departments.$get()),
  });
  const form = useZodForm(formSchema, { defaultValues: { replace: false } });
  const upload = useApiMutation({
    mutationFn: (input: z.output<typeof formSchema>) =>
      requestJson<ImportResult>('/api/directory/departments/import', {
        method: 'POST',
        body: multipart(input),
      }),
    onSuccess: () => {
      form.reset();
      void client.invalidateQueries({ queryKey: ['directory', 'departments'] });
      void client.invalidateQueries({ queryKey: ['discovery'] });
    },
    failure: 'The import failed',
  });
  const done = upload.data;
  const refusal = upload.error ? refusalOf(upload.error) : null;
  const fileError = form.formState.errors.file;
  const s = summary.data;

  return (
    <section aria-labelledby="departments">
      <h2 id="departments">People’s departments</h2>
      <p className="muted">
        The Overview and each service page break use down by department. Upload a CSV with a header row and
        the columns <code>email</code>, <code>department</code> and, optionally, <code>manager</code> (an
        email); other columns are ignored. The email must be the one the extension reports for that person
        (the user named in the managed browser policy).{' '}
        {s?.pseudonymised === false
          ? 'Pseudonymisation is off, so the addresses are stored as given.'
          : 'With pseudonymisation on, each address is stored only as the same keyed hash the browsers report, never as itself.'}
      </p>
      {s && (
        <p aria-live="polite">
          <strong>{s.mappedPeople.toLocaleString()}</strong>{' '}
          {s.mappedPeople === 1 ? 'person has' : 'people have'} a department
          {s.departmentCount > 0 && `, in ${s.departmentCount.toLocaleString()} departments`}
          {s.mappedPeople > 0 &&
            `; ${s.withManager.toLocaleString()} with a manager, ${s.fromSignIn.toLocaleString()} given at single sign-on`}
          .
          {s.lastImport && (
            <span className="muted">
              {' '}
              Last import {s.lastImport.at.slice(0, 16).replace('T', ' ')} by {s.lastImport.by}
              {s.lastImport.rows !== null && `: ${s.lastImport.rows.toLocaleString()} rows`}
              {s.lastImport.mode === 'replace' && `, ${s.lastImport.removed} removed`}.
            </span>
          )}
        </p>
      )}
      {done && (
        <p role="status" className="ok">
          Imported {done.imported.toLocaleString()} {done.imported === 1 ? 'person' : 'people'} in{' '}
          {done.departments} {done.departments === 1 ? 'department' : 'departments'}
          {done.mode === 'replace' && `; removed ${done.removed} no longer in the file`}.
        </p>
      )}
      {refusal && <RefusedFile refusal={refusal} />}
      {isAdmin && (
        <form
          className="card inline-form"
          onSubmit={form.handleSubmit((input) => upload.mutate(input))}
          aria-label="Import departments"
          noValidate
        >
          <div className="field">
            <label>
              CSV file
              <input
                {...form.register('file')}
                type="file"
                accept=".csv,text/csv"
                required
                {...fieldErrorProps('departments-file-error', fileError)}
              />
            </label>
            <FieldError id="departments-file-error" message={fileError?.message} />
          </div>
          <label className="checkbox">
            <input type="checkbox" {...form.register('replace')} />
            Also remove the imported departments of people not in this file
          </label>
          <button type="submit" disabled={upload.isPending}>
            {upload.isPending ? 'Importing…' : 'Import departments'}
          </button>
        </form>
      )}
      {s && s.departments.length > 0 && (
        <table className="compact">
          <caption>Largest departments</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            {s.departments.slice(0, 10).map((d) => (
              <tr key={d.department}>
                <td>{d.department}</td>
                <td>{d.people.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RefusedFile({ refusal }: { refusal: Refusal }) {
  return (
    <div role="alert" className="error">
      <p>{refusal.message}</p>
      {refusal.problems.length > 0 && (
        <ul aria-label="Problems in the file">
          {refusal.problems.map((p) => (
            <li key={`${p.line}-${p.column}-${p.reason}`}>
              Line {p.line}
              {p.column && ` (${columnNames[p.column]})`}: {p.reason}
            </li>
          ))}
        </ul>
      )}
      {refusal.totalProblems > refusal.problems.length && (
        <p>
          … and {refusal.totalProblems - refusal.problems.length} more. Fix these and upload the file again.
        </p>
      )}
    </div>
  );
}

function refusalOf(err: ApiClientError): Refusal {
  const details = err.details as Partial<DepartmentImportProblems> | undefined;
  const problems = Array.isArray(details?.problems) ? details.problems : [];
  return { message: err.message, problems, totalProblems: details?.totalProblems ?? problems.length };
}
