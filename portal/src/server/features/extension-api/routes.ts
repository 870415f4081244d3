import {
  accessRequestCreatedSchema,
  accessRequestInputSchema,
} from '@sightline/shared/extension-api/access-requests';
import {
  candidateReportResultSchema,
  candidateReportSchema,
} from '@sightline/shared/extension-api/candidates';
import { enrollRequestSchema, enrollResponseSchema } from '@sightline/shared/extension-api/enroll';
import { policyDocumentSchema } from '@sightline/shared/extension-api/policy-document';
import {
  eventBatchResultSchema,
  eventBatchSchema,
  MAX_EVENT_BATCH_BYTES,
} from '@sightline/shared/extension-api/usage-events';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { describeRoute } from 'hono-openapi';
import { clientAddress } from '../../client-address';
import type { AppEnv } from '../../context';
import { maxBody } from '../../middleware/body-size';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { reportCandidates } from '../candidates/candidates-service';
import { createAccessRequest } from '../requests/requests-service';
import { deviceAuth } from './device-auth';
import { enrollDevice } from './enroll-service';
import { ingestEvents } from './events-service';
import { buildPolicyDocument, markPolicySynced } from './policy-document-service';

const tags = ['Extension'];
const security = [{ device: [] }];

/** What the browser extension calls: enrollment (public, by token) and everything else by device credential. */
export const extensionApiRoutes = new Hono<AppEnv>()
  .post(
    '/api/ext/enroll',
    describeRoute({
      tags,
      summary: "Exchange the org's enrollment token for a per-device credential",
      responses: {
        201: json(enrollResponseSchema, 'Enrolled: the credential, shown once'),
        ...errors(401, 429),
      },
    }),
    validate('json', enrollRequestSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const client = clientAddress(c);
      return c.json(await enrollDevice({ db, now }, c.req.valid('json'), client), 201);
    },
  )
  .get(
    '/api/ext/policy',
    describeRoute({
      tags,
      security,
      summary: "The org's policy for extensions (ETag; If-None-Match gives 304)",
      responses: {
        200: json(policyDocumentSchema, 'The policy'),
        304: { description: 'Unchanged since the ETag sent in If-None-Match' },
      },
    }),
    deviceAuth,
    // The tag is a digest of the document, so it changes exactly when something an extension acts on does.
    etag(),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const doc = await buildPolicyDocument(db, c.get('device').id);
      await markPolicySynced(db, c.get('device').id, now);
      c.header('Cache-Control', 'no-cache');
      return c.json(doc, 200);
    },
  )
  .post(
    '/api/ext/events',
    describeRoute({
      tags,
      security,
      summary: 'A batch of metadata-only usage events (≤ 500, ≤ 512 KB); each client id is stored once',
      responses: { 200: json(eventBatchResultSchema, 'Stored, and how many were already stored') },
    }),
    maxBody(MAX_EVENT_BATCH_BYTES),
    deviceAuth,
    validate('json', eventBatchSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      return c.json(await ingestEvents({ db, now }, c.get('device'), c.req.valid('json')), 200);
    },
  )
  .post(
    '/api/ext/requests',
    describeRoute({
      tags,
      security,
      summary: "An employee's access request from the warning page",
      responses: {
        201: json(accessRequestCreatedSchema, 'Recorded'),
        200: json(accessRequestCreatedSchema, 'Already recorded under this client id (a retry)'),
        // The same client id sent again for another service.
        ...errors(409),
      },
    }),
    deviceAuth,
    validate('json', accessRequestInputSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const result = await createAccessRequest({ db, now }, c.get('device'), c.req.valid('json'));
      return c.json(result, result.created ? 201 : 200);
    },
  )
  .post(
    '/api/ext/candidates',
    describeRoute({
      tags,
      security,
      summary: 'Hosts that look like AI services but are not in the catalog',
      responses: { 200: json(candidateReportResultSchema, 'Counted') },
    }),
    deviceAuth,
    validate('json', candidateReportSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      return c.json(await reportCandidates({ db, now }, c.get('device').id, c.req.valid('json')), 200);
    },
  );
