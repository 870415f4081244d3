import {
  departmentImportResultSchema,
  departmentSummarySchema,
} from '@sightline/shared/directory/department-import';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { departmentUploadLimit, readDepartmentUpload } from './department-upload';
import { departmentSummary, importDepartments } from './directory-service';

const tags = ['Directory'];

export const directoryRoutes = new Hono<AppEnv>()
  .get(
    '/api/directory/departments',
    describeRoute({
      tags,
      summary: 'How many people have a department, the largest departments and the last import',
      responses: { 200: json(departmentSummarySchema, 'The summary') },
    }),
    async (c) => c.json(await departmentSummary(c.get('deps').db), 200),
  )
  .post(
    '/api/directory/departments/import',
    describeRoute({
      tags,
      summary:
        'Import people’s departments from a CSV (multipart: file with columns email, department, optional manager; mode upsert or replace). Every bad row is listed in a 400 and nothing is written',
      responses: { 200: json(departmentImportResultSchema, 'Imported'), ...errors(413) },
    }),
    departmentUploadLimit,
    async (c) => {
      const { db, now } = serviceDeps(c);
      const { csv, mode } = await readDepartmentUpload(c);
      return c.json(await importDepartments({ db, now }, staffActor(c), csv, mode), 200);
    },
  );
