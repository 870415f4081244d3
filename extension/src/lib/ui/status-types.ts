import type { statusFor } from '../messages/status';

export type ExtensionStatus = Awaited<ReturnType<typeof statusFor>>;

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
