import { z } from 'zod';

/** A department name: what the breakdown tables show. */
export const DEPARTMENT_MAX_LENGTH = 120;
/** RFC 5321's limit on an address. */
export const EMAIL_MAX_LENGTH = 254;
/** People in one file: a large enterprise's whole staff list. */
export const MAX_IMPORT_ROWS = 200_000;
/** The upload's size cap (200,000 rows of about 60 bytes, with room to spare). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** A 400 lists at most this many bad rows; the message says how many there were in all. */
export const MAX_REPORTED_PROBLEMS = 200;

/**
 * What a successful import does: `upsert` sets the department (and manager) of every person in the
 * file and leaves everyone else's; `replace` does the same and also removes the CSV-imported
 * departments of people not in the file (departments set at sign-in stay).
 */
export const departmentImportModes = ['upsert', 'replace'] as const;
export type DepartmentImportMode = (typeof departmentImportModes)[number];

/** The form fields sent with the file. */
export const departmentImportFieldsSchema = z.strictObject({
  mode: z.enum(departmentImportModes).default('upsert'),
});

/** One refused row of the file: its line (1 is the header) and why. */
export type DepartmentRowProblem = {
  line: number;
  column: 'email' | 'department' | 'manager' | null;
  reason: string;
};

/** The `details` of a 400 for a file with bad rows. */
export type DepartmentImportProblems = { problems: DepartmentRowProblem[]; totalProblems: number };

/** An email as the CSV import and the extension's user hint both see it: trimmed, lower case. */
export const importEmailSchema = z.email('not a valid email address').max(EMAIL_MAX_LENGTH);

/** A good file, written: rows imported, departments in it, and imported departments removed (replace). */
export const departmentImportResultSchema = z.strictObject({
  imported: z.number().int(),
  departments: z.number().int(),
  removed: z.number().int(),
  mode: z.enum(departmentImportModes),
});

/** How many people have a department, the largest departments, and the last import. */
export const departmentSummarySchema = z.strictObject({
  mappedPeople: z.number().int(),
  departmentCount: z.number().int(),
  /** Of the people with a department, those with a manager too (from the CSV or the identity provider). */
  withManager: z.number().int(),
  /** Of the people with a department, those whose department the identity provider gave at sign-in. */
  fromSignIn: z.number().int(),
  departments: z.array(z.strictObject({ department: z.string(), people: z.number().int() })),
  pseudonymised: z.boolean(),
  lastImport: z
    .strictObject({
      at: z.string(),
      by: z.string().nullable(),
      rows: z.number().int().nullable(),
      mode: z.string().nullable(),
      removed: z.number().int(),
    })
    .nullable(),
});
export type DepartmentSummary = z.infer<typeof departmentSummarySchema>;
