import type { Db } from '@sightline/db/client';
import { vendor, vendorContact, vendorDocument } from '@sightline/db/schema/vendors';
import type { VendorContactInput } from '@sightline/shared/vendors/vendor-api';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor, ServiceDeps } from '../../context';
import { AppError } from '../../errors';
import { loadFile, storeFile } from '../evidence/stored-files';
import type { CheckedUpload } from '../evidence/upload-check';

/** Contacts and documents held for a vendor. */

async function requireVendor(db: Db, id: string) {
  const [row] = await db.select({ id: vendor.id }).from(vendor).where(eq(vendor.id, id));
  if (!row) throw new AppError('not_found', 'No vendor with this id');
}

export async function addContact(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  vendorId: string,
  input: VendorContactInput,
) {
  const { db, now } = deps;
  await requireVendor(db, vendorId);
  return db.transaction(async (tx) => {
    // One primary contact per vendor: the new primary replaces the old one.
    if (input.isPrimary) {
      await tx.update(vendorContact).set({ isPrimary: false }).where(eq(vendorContact.vendorId, vendorId));
    }
    const [row] = await tx
      .insert(vendorContact)
      .values({
        vendorId,
        name: input.name,
        email: input.email,
        title: input.title ?? null,
        isPrimary: input.isPrimary ?? false,
        createdAt: now,
      })
      .returning({ id: vendorContact.id });
    await recordAudit(tx, {
      actor,
      action: 'vendor.contact_added',
      targetType: 'vendor',
      targetId: vendorId,
      details: { contactId: row!.id, email: input.email },
      at: now,
    });
    return { id: row!.id };
  });
}

export async function removeContact(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  vendorId: string,
  contactId: string,
) {
  const { db, now } = deps;
  await db.transaction(async (tx) => {
    const rows = await tx
      .delete(vendorContact)
      .where(and(eq(vendorContact.id, contactId), eq(vendorContact.vendorId, vendorId)))
      .returning({ email: vendorContact.email });
    if (rows.length === 0) throw new AppError('not_found', 'No such contact for this vendor');
    await recordAudit(tx, {
      actor,
      action: 'vendor.contact_removed',
      targetType: 'vendor',
      targetId: vendorId,
      details: { contactId, email: rows[0]!.email },
      at: now,
    });
  });
}

export async function addDocument(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  vendorId: string,
  fields: { title: string; kind: string; expiresOn?: string | undefined },
  upload: CheckedUpload,
) {
  const { db, now } = deps;
  await requireVendor(db, vendorId);
  return db.transaction(async (tx) => {
    const fileId = await storeFile(tx, upload);
    const [row] = await tx
      .insert(vendorDocument)
      .values({
        vendorId,
        title: fields.title,
        kind: fields.kind,
        fileId,
        expiresOn: fields.expiresOn ?? null,
        createdBy: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
      })
      .returning({ id: vendorDocument.id });
    await recordAudit(tx, {
      actor,
      action: 'vendor.document_added',
      targetType: 'vendor',
      targetId: vendorId,
      details: {
        documentId: row!.id,
        title: fields.title,
        kind: fields.kind,
        sha256: upload.sha256,
        mediaType: upload.mediaType,
        expiresOn: fields.expiresOn ?? null,
      },
      at: now,
    });
    return { id: row!.id, sha256: upload.sha256, mediaType: upload.mediaType, fileName: upload.fileName };
  });
}

export async function removeDocument(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  vendorId: string,
  documentId: string,
) {
  const { db, now } = deps;
  await db.transaction(async (tx) => {
    const rows = await tx
      .delete(vendorDocument)
      .where(and(eq(vendorDocument.id, documentId), eq(vendorDocument.vendorId, vendorId)))
      .returning({ title: vendorDocument.title });
    if (rows.length === 0) throw new AppError('not_found', 'No such document for this vendor');
    await recordAudit(tx, {
      actor,
      action: 'vendor.document_removed',
      targetType: 'vendor',
      targetId: vendorId,
      details: { documentId, title: rows[0]!.title },
      at: now,
    });
  });
}

export async function documentFile(db: Db, vendorId: string, documentId: string) {
  const [doc] = await db
    .select({ fileId: vendorDocument.fileId })
    .from(vendorDocument)
    .where(and(eq(vendorDocument.id, documentId), eq(vendorDocument.vendorId, vendorId)));
  if (!doc?.fileId) throw new AppError('not_found', 'No such document for this vendor');
  return loadFile(db, doc.fileId);
}
