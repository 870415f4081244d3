import { utcDay } from '@sightline/shared/assessments/dates';
import { idSchema, okSchema } from '@sightline/shared/http/ok';
import {
  createVendorSchema,
  storedDocumentSchema,
  updateVendorSchema,
  vendorContactInputSchema,
  vendorDetailSchema,
  vendorDocumentFieldsSchema,
  vendorListSchema,
  vendorPageQuerySchema,
} from '@sightline/shared/vendors/vendor-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { readUpload, uploadBodyLimit } from '../evidence/multipart';
import { attachmentResponse, storedFileResponse } from '../evidence/stored-files';
import { findingsOf } from '../findings/finding-queries';
import {
  addContact,
  addDocument,
  documentFile,
  removeContact,
  removeDocument,
} from './vendor-records-service';
import { createVendor, getVendor, listVendors, updateVendor } from './vendors-service';

const tags = ['Vendors'];
const idParam = z.object({ id: z.uuid() });
const contactParam = z.object({ id: z.uuid(), contactId: z.uuid() });
const documentParam = z.object({ id: z.uuid(), documentId: z.uuid() });

export const vendorRoutes = new Hono<AppEnv>()
  .get(
    '/api/vendors',
    describeRoute({
      tags,
      summary:
        'The vendor register by name, a page at a time; search by name, website or service, filter by status and tier',
      responses: { 200: json(vendorListSchema, 'A page of vendors by name') },
    }),
    validate('query', vendorPageQuerySchema),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await listVendors(c.get('deps').db, filters, { cursor, limit }), 200);
    },
  )
  .post(
    '/api/vendors',
    describeRoute({ tags, summary: 'Add a vendor', responses: { 201: json(idSchema, 'The new vendor') } }),
    validate('json', createVendorSchema),
    async (c) => {
      return c.json(await createVendor(serviceDeps(c), staffActor(c), c.req.valid('json')), 201);
    },
  )
  .get(
    '/api/vendors/:id',
    describeRoute({
      tags,
      summary: 'A vendor with contacts, services, documents, assessments and findings',
      responses: { 200: json(vendorDetailSchema, 'The vendor'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const id = c.req.valid('param').id;
      const found = await getVendor(db, id);
      return c.json({ ...found, findings: await findingsOf(db, { vendorId: id }, utcDay(now)) }, 200);
    },
  )
  .patch(
    '/api/vendors/:id',
    describeRoute({
      tags,
      summary: 'Change a vendor (services, model providers and sub-processors are replaced whole)',
      responses: { 200: json(idSchema, 'Changed'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('json', updateVendorSchema),
    async (c) => {
      return c.json(
        await updateVendor(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .post(
    '/api/vendors/:id/contacts',
    describeRoute({
      tags,
      summary: 'Add a contact',
      responses: { 201: json(idSchema, 'The new contact'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('json', vendorContactInputSchema),
    async (c) => {
      return c.json(
        await addContact(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    },
  )
  .delete(
    '/api/vendors/:id/contacts/:contactId',
    describeRoute({
      tags,
      summary: 'Remove a contact',
      responses: { 200: json(okSchema, 'Removed'), ...errors(404) },
    }),
    validate('param', contactParam),
    async (c) => {
      const { id, contactId } = c.req.valid('param');
      await removeContact(serviceDeps(c), staffActor(c), id, contactId);
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/api/vendors/:id/documents',
    describeRoute({
      tags,
      summary:
        'Upload a document (multipart: file, title, kind, expiresOn); type checked from the bytes, 25 MB max',
      responses: { 201: json(storedDocumentSchema, 'The stored document'), ...errors(404, 415) },
    }),
    uploadBodyLimit,
    validate('param', idParam),
    async (c) => {
      const { fields, upload } = await readUpload(c, vendorDocumentFieldsSchema);
      return c.json(
        await addDocument(serviceDeps(c), staffActor(c), c.req.valid('param').id, fields, upload),
        201,
      );
    },
  )
  .get(
    '/api/vendors/:id/documents/:documentId/file',
    describeRoute({
      tags,
      summary: 'Download a document (always as an attachment)',
      responses: { 200: storedFileResponse, ...errors(404) },
    }),
    validate('param', documentParam),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      return attachmentResponse(await documentFile(c.get('deps').db, id, documentId));
    },
  )
  .delete(
    '/api/vendors/:id/documents/:documentId',
    describeRoute({
      tags,
      summary: 'Remove a document',
      responses: { 200: json(okSchema, 'Removed'), ...errors(404) },
    }),
    validate('param', documentParam),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      await removeDocument(serviceDeps(c), staffActor(c), id, documentId);
      return c.json({ ok: true }, 200);
    },
  );
