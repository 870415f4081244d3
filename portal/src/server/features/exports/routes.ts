import { assessmentListQuerySchema } from '@sightline/shared/assessments/assessment-api';
import { utcDay } from '@sightline/shared/assessments/dates';
import { serviceTableExportQuerySchema } from '@sightline/shared/discovery/discovery-api';
import { findingListQuerySchema } from '@sightline/shared/findings/findings-api';
import { inventoryListQuerySchema } from '@sightline/shared/inventory/inventory-api';
import { vendorListQuerySchema } from '@sightline/shared/vendors/vendor-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { csvResponse } from '../../csv/csv-response';
import { currentStaff } from '../../middleware/access';
import { file } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { resolvePeriod } from '../discovery/period';
import { assessmentColumns, assessmentRows } from './assessment-export';
import { auditColumns, auditExportQuerySchema, auditRows, lastAuditSeq } from './audit-export';
import { deviceColumns, deviceRows } from './device-export';
import { findingColumns, findingRows } from './finding-export';
import { inventoryColumns, inventoryRows } from './inventory-export';
import { recordExport } from './record-export';
import { requestColumns, requestRows } from './request-export';
import { serviceTableColumns, serviceTableExportRows } from './service-table-export';
import { usageColumns, usageRows } from './usage-export';
import { vendorColumns, vendorRows } from './vendor-export';

/*
 * CSV downloads of the staff tables. Each route allows the roles of the list it exports and takes
 * that list's filters. These routes are mounted before the features' own, so `export.csv` is never
 * read as an `/:id` and refused as a bad uuid.
 */
const tags = ['Exports'];
const csvFile = {
  200: file('text/csv', 'A CSV file (UTF-8 with a byte order mark, CRLF line ends), sent as a download'),
};
const describe = (summary: string) => describeRoute({ tags, summary, responses: csvFile });
const noQuery = z.strictObject({});

export const exportRoutes = new Hono<AppEnv>()
  .get(
    '/api/vendors/export.csv',
    describe('The vendor register as CSV, with the vendors page filters'),
    validate('query', vendorListQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      await recordExport(db, currentStaff(c), 'vendors', { filters: query }, now);
      return csvResponse({
        name: 'vendors',
        at: now,
        columns: vendorColumns,
        pages: vendorRows(db, query),
      });
    },
  )
  .get(
    '/api/assessments/export.csv',
    describe('Assessments as CSV, with the assessments page filters'),
    validate('query', assessmentListQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      await recordExport(db, currentStaff(c), 'assessments', { filters: query }, now);
      return csvResponse({
        name: 'assessments',
        at: now,
        columns: assessmentColumns,
        pages: assessmentRows(db, query),
      });
    },
  )
  .get(
    '/api/findings/export.csv',
    describe('Findings as CSV, with the findings page filters'),
    validate('query', findingListQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      await recordExport(db, currentStaff(c), 'findings', { filters: query }, now);
      return csvResponse({
        name: 'findings',
        at: now,
        columns: findingColumns,
        pages: findingRows(db, query, utcDay(now)),
      });
    },
  )
  .get(
    '/api/requests/export.csv',
    describe("Employees' access requests as CSV, one line per request"),
    validate('query', noQuery),
    async (c) => {
      const { db, now } = serviceDeps(c);
      await recordExport(db, currentStaff(c), 'requests', {}, now);
      return csvResponse({
        name: 'access-requests',
        at: now,
        columns: requestColumns,
        pages: requestRows(db),
      });
    },
  )
  .get(
    '/api/overview/export.csv',
    describe('Usage by AI service over the last `days` as CSV (every service, not only the top)'),
    validate('query', z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(30) })),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const { days } = c.req.valid('query');
      await recordExport(db, currentStaff(c), 'usage', { days }, now);
      return csvResponse({
        name: `usage-${days}-days`,
        at: now,
        columns: usageColumns,
        pages: usageRows({ db, now }, days),
      });
    },
  )
  .get(
    '/api/discovery/services/export.csv',
    describe(
      'The dashboard service table for a period (days, or from and to) as CSV, every service, in its order',
    ),
    validate('query', serviceTableExportQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      const period = resolvePeriod(query, now);
      await recordExport(
        db,
        currentStaff(c),
        'ai-services',
        { from: period.from, to: period.to, sort: query.sort },
        now,
      );
      return csvResponse({
        name: `ai-services-${period.from}-to-${period.to}`,
        at: now,
        columns: serviceTableColumns,
        pages: serviceTableExportRows(db, period, query.sort),
      });
    },
  )
  .get(
    '/api/devices/export.csv',
    describe('Enrolled browsers as CSV (never their credentials)'),
    validate('query', noQuery),
    async (c) => {
      const { db, now } = serviceDeps(c);
      await recordExport(db, currentStaff(c), 'devices', {}, now);
      return csvResponse({ name: 'devices', at: now, columns: deviceColumns, pages: deviceRows(db) });
    },
  )
  .get(
    '/api/audit/export.csv',
    describe('The audit trail as CSV, newest first, as it stood when the download started'),
    validate('query', auditExportQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      // The bound is read before the export's own entry is appended, so the file ends where the trail
      // stood when it was asked for; the entry saying who took it is the next one.
      const upToSeq = await lastAuditSeq(db);
      await recordExport(db, currentStaff(c), 'audit', { filters: query, upToSeq }, now);
      return csvResponse({
        name: 'audit-trail',
        at: now,
        columns: auditColumns,
        pages: auditRows(db, query, upToSeq),
      });
    },
  )
  .get(
    '/api/inventory/export.csv',
    describe('The AI system register as CSV, one line per system, with the inventory page filters'),
    validate('query', inventoryListQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      await recordExport(db, currentStaff(c), 'inventory', { filters: query }, now);
      return csvResponse({
        name: 'ai-systems',
        at: now,
        columns: inventoryColumns,
        pages: inventoryRows(db, query, utcDay(now)),
      });
    },
  );
