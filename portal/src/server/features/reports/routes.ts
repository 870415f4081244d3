import { utcDay } from '@sightline/shared/assessments/dates';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { errors, file } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { renderAssessmentReport } from './assessment-report';
import { loadAssessmentReportData } from './assessment-report-loader';
import { renderInventoryRegister } from './inventory-register';
import { loadInventoryRegisterData } from './inventory-register-loader';
import { pdfResponse } from './report-download';

const pdf = { 200: file('application/pdf', 'The PDF, as a download') };

export const reportRoutes = new Hono<AppEnv>()
  .get(
    '/api/assessments/:id/report.pdf',
    describeRoute({
      tags: ['Assessments'],
      summary:
        'The assessment report as PDF: cover with the answers digest, summary and decision, risk, every answer, crosswalk, evidence',
      responses: { ...pdf, ...errors(404) },
    }),
    validate('param', z.object({ id: z.uuid() })),
    async (c) => {
      const data = await loadAssessmentReportData(serviceDeps(c), c.req.valid('param').id);
      const bytes = await renderAssessmentReport(data);
      return pdfResponse(bytes, [data.vendor, data.service, utcDay(new Date(data.generatedAt))]);
    },
  )
  .get(
    '/api/inventory/register.pdf',
    describeRoute({
      tags: ['AI system inventory'],
      summary:
        'The AI system register as PDF: one row per system with its suppliers, tiers and responsibilities',
      responses: pdf,
    }),
    async (c) => {
      const data = await loadInventoryRegisterData(serviceDeps(c));
      const bytes = await renderInventoryRegister(data);
      return pdfResponse(bytes, [
        data.organisation,
        'AI system register',
        utcDay(new Date(data.generatedAt)),
      ]);
    },
  );
