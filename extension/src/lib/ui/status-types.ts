export const stateLabels: Record<string, string> = {
  approved: 'Approved',
  conditional: 'Approved with conditions',
  unreviewed: 'Not reviewed yet',
  unapproved: 'Not approved',
  blocked: 'Blocked',
};

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}
