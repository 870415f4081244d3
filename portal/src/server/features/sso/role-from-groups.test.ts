import { describe, expect, it } from 'vitest';
import { departmentIn, groupsIn, managerIn, roleFromGroups } from './role-from-groups';

const rules = [
  { group: 'sightline-admins', role: 'admin' },
  { group: 'ai-procurement', role: 'procurement' },
  { group: 'staff', role: 'viewer' },
] as const;

describe('roles from groups', () => {
  it('takes the first rule, in the admin’s order, whose group the person is in', () => {
    expect(roleFromGroups(rules, ['staff', 'ai-procurement'])?.role).toBe('procurement');
    expect(roleFromGroups(rules, ['staff'])?.role).toBe('viewer');
  });

  it('gives no role outside every mapped group, and matches names exactly', () => {
    expect(roleFromGroups(rules, ['contractors'])).toBeNull();
    expect(roleFromGroups(rules, ['Sightline-Admins', 'staff '])).toBeNull();
    expect(roleFromGroups(rules, [])).toBeNull();
  });

  it('reads a groups claim that is a list or a single name, and nothing else', () => {
    expect(groupsIn(['a', 2, 'b'])).toEqual(['a', 'b']);
    expect(groupsIn('a')).toEqual(['a']);
    expect(groupsIn({ a: 1 })).toEqual([]);
    expect(groupsIn(undefined)).toEqual([]);
  });

  it('takes a department of 1 to 120 characters, trimmed', () => {
    expect(departmentIn('  Security ')).toBe('Security');
    expect(departmentIn('')).toBeNull();
    expect(departmentIn('x'.repeat(121))).toBeNull();
    expect(departmentIn(['Security'])).toBeNull();
  });

  it('takes a manager only as an email address, in lower case', () => {
    expect(managerIn(' Carol@Corp.Example ')).toBe('carol@corp.example');
    expect(managerIn('00u1abcd2EFGH3ijk4x7')).toBeNull();
    expect(managerIn('Carol Manager')).toBeNull();
    expect(managerIn(['carol@corp.example'])).toBeNull();
    expect(managerIn(undefined)).toBeNull();
  });
});
