import type { ReviewReason } from '@sightline/shared/reviews/review-enums';
import { api, unwrap } from '../../lib/api';

export const fetchDueForReview = () => unwrap(api.api.reviews.due.$get());
export type DueForReview = Awaited<ReturnType<typeof fetchDueForReview>>;
export const dueKey = ['reviews', 'due'] as const;

export const fetchIncidents = (id: string) =>
  unwrap(api.api.vendors[':id'].incidents.$get({ param: { id } }));
export const incidentsKey = (id: string) => ['vendor', id, 'incidents'] as const;

export const fetchMaterialChanges = (id: string) =>
  unwrap(api.api.vendors[':id']['material-changes'].$get({ param: { id } }));
export const materialChangesKey = (id: string) => ['vendor', id, 'material-changes'] as const;

export const fetchCycleDiff = (id: string) =>
  unwrap(api.api.assessments[':id']['cycle-diff'].$get({ param: { id } }));
export type CycleDiff = Awaited<ReturnType<typeof fetchCycleDiff>>;
export const cycleDiffKey = (id: string) => ['assessment', id, 'cycle-diff'] as const;

export const startReassessment = (id: string, dueOn: string) =>
  unwrap(api.api.assessments[':id'].reassessment.$post({ param: { id }, json: { dueOn } }));

export const reasonLabels: Record<ReviewReason, string> = {
  review_date: 'Review date',
  document_expiry: 'Document expiring',
  evidence_expiry: 'Evidence expiring',
  incident: 'Incident',
  usage_spike: 'Usage spike',
  blocked_use_rising: 'Blocked use rising',
  material_change: 'Declared change',
};

export const changeKindLabels = {
  model_provider: 'New model provider',
  region: 'New region',
  training_practice: 'Change of training practice',
  other: 'Other change',
} as const;

/** "12 days overdue", "due today", "due in 5 days". */
export function dueInWords(days: number): string {
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days === 0) return 'due today';
  return `due in ${days} day${days === 1 ? '' : 's'}`;
}
