/** What the breakdowns call the people with no department on file (or a browser naming no user). */
export const departmentName = (department: string | null) => department ?? 'Unknown';
