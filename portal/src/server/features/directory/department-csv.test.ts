import { describe, expect, it } from 'vitest';
import { parseDepartmentCsv } from './department-csv';

const problemsOf = (csv: string) => {
  const parsed = parseDepartmentCsv(csv);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems.map((p) => `${p.line}: ${p.reason}`);
};

describe('department CSV', () => {
  it('reads email, department and manager, trimmed, emails in lower case, other columns ignored', () => {
    const parsed = parseDepartmentCsv(
      '\uFEFFName, Email ,Department,Manager\r\n' +
        'Ada,Ada.Lovelace@Example.com,Engineering,grace@example.com\r\n' +
        '\r\n' +
        'Bob, bob@example.com ,"Sales, EMEA",\r\n',
    );
    expect(parsed).toEqual({
      ok: true,
      assignments: [
        { email: 'ada.lovelace@example.com', department: 'Engineering', manager: 'grace@example.com' },
        { email: 'bob@example.com', department: 'Sales, EMEA', manager: null },
      ],
    });
  });

  it('lists every bad row with its line number and reason', () => {
    const long = 'x'.repeat(121);
    const csv = [
      'email,department,manager', // 1
      'ada@example.com,Engineering,', // 2: fine
      ',Engineering,', // 3: missing email
      'not-an-address,Engineering,', // 4: invalid email
      'bob@example.com,   ,', // 5: empty department
      `carol@example.com,${long},`, // 6: too long
      'ADA@example.com,Sales,', // 7: duplicate of line 2
      'dan@example.com,Sales,boss', // 8: invalid manager
      `${'e'.repeat(250)}@example.com,Sales,`, // 9: email too long
    ].join('\n');
    expect(problemsOf(csv)).toEqual([
      '3: missing email',
      '4: invalid email',
      '5: empty department',
      '6: too long: at most 120 characters',
      '7: duplicate email: already on line 2',
      '8: invalid manager email',
      '9: too long: at most 254 characters',
    ]);
    const parsed = parseDepartmentCsv(csv);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.column)).toEqual([
      'email',
      'email',
      'department',
      'department',
      'email',
      'manager',
      'email',
    ]);
  });

  it('numbers rows by the line they start on, past blank lines and quoted line breaks', () => {
    const csv = 'email,department\n\n"a@example.com","Research\nand Development"\nb@example.com,\n';
    // The department with a line break is refused (line 3), and b's empty department is on line 5.
    expect(problemsOf(csv)).toEqual(['3: a line break or control character', '5: empty department']);
  });

  it('needs a header naming email and department', () => {
    expect(problemsOf('ada@example.com,Engineering\n')).toEqual([
      '1: The first row must be a header naming the columns email and department (manager is optional)',
    ]);
    expect(problemsOf('mail,team\nada@example.com,Engineering\n')).toEqual([
      '1: The header has no email or department column (it needs email and department; manager is optional)',
    ]);
    expect(problemsOf('email,department,email\n')).toEqual(['1: The header names the column "email" twice']);
    expect(problemsOf('')).toEqual([
      '1: The file is empty: it needs a header row (email,department,manager)',
    ]);
    expect(problemsOf('email,department\n\n')).toEqual(['2: The file has a header but no people']);
  });

  it('refuses a file that is not CSV, saying where', () => {
    expect(problemsOf('email,department\n\na@example.com,"Sales\nb@example.com,Ops\n')).toEqual([
      '3: Not valid CSV: a quoted field is never closed',
    ]);
    expect(problemsOf('email,department\nä@example.com,Ops\nb@example.com,O"ps"\n')).toEqual([
      '3: Not valid CSV: a quote inside a field that does not start with one',
    ]);
  });
});
