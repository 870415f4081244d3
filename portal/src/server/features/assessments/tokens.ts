import type { DbOrTx } from '@sightline/db/client';
import { assessmentToken } from '@sightline/db/schema/assessments';
import type { TokenKind } from '@sightline/shared/assessments/assessment-states';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { withdrawMailLinks } from '../../mail/outbox';
import type { SecretLink } from '../../mail/secret-link';
import { newSecretToken, sha256Hex } from '../../secret-token';

/**
 * Vendor link tokens: 32 random bytes (256 bits), base64url, carried in the URL fragment so they
 * never reach a server log. Only the SHA-256 is stored; the plain token exists only in the mail until
 * it is sent (and, with no SMTP, once in the sender's response).
 */
export function vendorLink(publicUrl: string, token: string): string {
  return `${publicUrl}/v#${token}`;
}

/** The link of an issued token as a mail carries it (kept beside the text until the mail is sent). */
export function vendorMailLink(publicUrl: string, issued: IssuedToken): SecretLink {
  return { url: vendorLink(publicUrl, issued.token), kind: 'vendor_link', tokenId: issued.tokenId };
}

/** Tokens that stand for "the respondent's current link": a resend or reminder replaces them. */
const respondentKinds: TokenKind[] = ['primary', 'reminder'];

/** Whom a link was issued to, as people read it: their name, or their email when no name was given. */
export function linkHolderName(link: { issuedToName: string | null; issuedToEmail: string }): string {
  return link.issuedToName ?? link.issuedToEmail;
}

export type IssuedToken = { token: string; tokenId: string; supersededIds: string[] };

/**
 * Issues a token. For the respondent's link (primary or reminder) every earlier respondent token
 * is superseded in the same transaction, so exactly one respondent link works at a time; colleague
 * tokens live beside it.
 */
export async function issueToken(
  tx: DbOrTx,
  input: { assessmentId: string; kind: TokenKind; name: string | null; email: string; now: Date },
): Promise<IssuedToken> {
  let supersededIds: string[] = [];
  if (input.kind !== 'colleague') {
    const superseded = await tx
      .update(assessmentToken)
      .set({ supersededAt: input.now })
      .where(
        and(
          eq(assessmentToken.assessmentId, input.assessmentId),
          inArray(assessmentToken.kind, respondentKinds),
          isNull(assessmentToken.supersededAt),
          isNull(assessmentToken.revokedAt),
        ),
      )
      .returning({ id: assessmentToken.id });
    supersededIds = superseded.map((s) => s.id);
    // A replaced link does not wait in the outbox, nor go out late after its successor.
    await withdrawMailLinks(tx, supersededIds);
  }
  const token = newSecretToken();
  const [row] = await tx
    .insert(assessmentToken)
    .values({
      assessmentId: input.assessmentId,
      tokenHash: sha256Hex(token),
      kind: input.kind,
      issuedToName: input.name,
      issuedToEmail: input.email,
      createdAt: input.now,
    })
    .returning({ id: assessmentToken.id });
  return { token, tokenId: row!.id, supersededIds };
}

/** Every link of the assessment stops working (revocation), and leaves the outbox. */
export async function revokeTokens(tx: DbOrTx, assessmentId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(assessmentToken)
    .set({ revokedAt: now })
    .where(and(eq(assessmentToken.assessmentId, assessmentId), isNull(assessmentToken.revokedAt)))
    .returning({ id: assessmentToken.id });
  await withdrawMailLinks(
    tx,
    rows.map((r) => r.id),
  );
  return rows.length;
}
