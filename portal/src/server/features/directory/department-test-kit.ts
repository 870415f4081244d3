import type { DepartmentImportMode } from '@sightline/shared/directory/department-import';
import type { TestApp } from '../../testing/test-app';

/** Uploads a department file the way the settings page does (multipart `file`, optional `mode`). */
export function uploadDepartments(
  t: TestApp,
  cookie: string,
  csv: string | Uint8Array,
  mode?: DepartmentImportMode | string,
) {
  const form = new FormData();
  if (mode !== undefined) form.set('mode', mode);
  const bytes = typeof csv === 'string' ? new TextEncoder().encode(csv) : csv;
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), 'people.csv');
  return t.request('/api/directory/departments/import', { method: 'POST', cookie, body: form });
}

export type ImportRefusal = {
  error: {
    code: string;
    message: string;
    details: { problems: { line: number; column: string | null; reason: string }[]; totalProblems: number };
  };
};
