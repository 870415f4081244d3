import { describe, expect, it } from 'vitest';
import {
  defaultResponsibilities,
  responsibilityActivities,
  responsibilityMatrixPatchSchema,
  responsibilityMatrixSchema,
} from './responsibilities';

describe('responsibility matrix schema', () => {
  it('accepts the default split, which names an owner for every A.10.2 activity', () => {
    const parsed = responsibilityMatrixSchema.parse(defaultResponsibilities());
    expect(Object.keys(parsed).sort()).toEqual([...responsibilityActivities].sort());
  });

  it('fills a missing note with null and trims notes', () => {
    const matrix = { ...defaultResponsibilities(), deployment: { party: 'supplier', note: '  hosted  ' } };
    const { note, ...rest } = matrix.providing_data;
    const parsed = responsibilityMatrixSchema.parse({ ...matrix, providing_data: rest });
    expect(note).toBeNull();
    expect(parsed.providing_data).toEqual({ party: 'organisation', note: null });
    expect(parsed.deployment.note).toBe('hosted');
  });

  it('refuses a missing activity, an unknown party or activity, and an overlong note', () => {
    const { human_oversight: _, ...missing } = defaultResponsibilities();
    expect(responsibilityMatrixSchema.safeParse(missing).success).toBe(false);
    const bad = [
      { ...defaultResponsibilities(), deployment: { party: 'vendor', note: null } },
      { ...defaultResponsibilities(), marketing: { party: 'supplier', note: null } },
      { ...defaultResponsibilities(), deployment: { party: 'supplier', note: 'x'.repeat(1001) } },
      { ...defaultResponsibilities(), deployment: { party: 'supplier', extra: 1 } },
    ];
    for (const value of bad) expect(responsibilityMatrixSchema.safeParse(value).success).toBe(false);
  });

  it('takes a patch naming only the activities that change', () => {
    expect(responsibilityMatrixPatchSchema.parse({ incident_handling: { party: 'shared' } })).toEqual({
      incident_handling: { party: 'shared', note: null },
    });
    expect(responsibilityMatrixPatchSchema.safeParse({ incident: { party: 'shared' } }).success).toBe(false);
  });
});
