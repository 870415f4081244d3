import type { StaffRole } from '../auth/roles';

/**
 * A mail that carries a bearer link (a password in all but name) says which kind, so the outbox can
 * decide who may see the link while the mail waits to be sent.
 */
export const secretLinkKinds = ['staff_invitation', 'vendor_link'] as const;
export type SecretLinkKind = (typeof secretLinkKinds)[number];

/**
 * Who may read a held mail's link: the roles that could issue such a link themselves. Only admins
 * invite staff (and could invite anyone anyway); admins and procurement send questionnaires.
 */
export const secretLinkReaders: Record<SecretLinkKind, readonly StaffRole[]> = {
  staff_invitation: ['admin'],
  vendor_link: ['admin', 'procurement'],
};

export function mayReadSecretLink(kind: SecretLinkKind, role: StaffRole): boolean {
  return secretLinkReaders[kind].includes(role);
}
