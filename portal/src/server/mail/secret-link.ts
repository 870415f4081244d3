import type { SecretLinkKind } from '@sightline/shared/mail/secret-links';

/**
 * Where a bearer link goes in a stored mail body. The link itself is kept apart (`secret_link`) and
 * put in only when the mail is handed to SMTP, so the stored text never holds it and the link can be
 * dropped the moment it is sent or stops working. Migration 0006 writes the same placeholder.
 */
export const LINK_PLACEHOLDER = '[[sightline:secret-link]]';

/** A link for a mail: the URL and the token row it carries (staff invitation or vendor link). */
export type SecretLink = { url: string; kind: SecretLinkKind; tokenId: string };

/** The body with the placeholder replaced, by the link for delivery or a note for display. */
export function fillLinkPlaceholder(body: string, replacement: string): string {
  return body.replaceAll(LINK_PLACEHOLDER, replacement);
}
