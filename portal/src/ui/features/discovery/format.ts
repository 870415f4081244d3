import type { PolicyState } from '@sightline/shared/policy/policy-states';

export const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

export const stateColours: Record<PolicyState, string> = {
  approved: '#17663a',
  conditional: '#b7791f',
  unreviewed: '#8a94a6',
  unapproved: '#c2410c',
  blocked: '#a4161a',
};

/** Distinct colours for the top services' lines; "Any AI service" is grey. */
export const seriesColours = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563'];

/** 6 Dec, for chart axes. */
export const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
