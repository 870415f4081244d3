import { z } from 'zod';
import { assessmentStateSchema, riskTierSchema } from '../assessments/assessment-states';
import { serviceCategorySchema } from '../catalog/categories';
import { daySchema, timestampSchema } from '../http/json-values';
import { policyStateSchema } from '../policy/policy-states';
import { vendorStatusSchema } from '../vendors/vendor-statuses';
import { serviceSortKeys } from './discovery-api';

// What the Overview and discovery routes answer (their queries are in discovery-api.ts).

const count = z.number().int();
const assessmentRefSchema = z.strictObject({ id: z.uuid(), state: assessmentStateSchema }).nullable();

/** The home page: the services used in the last days and the queues waiting for someone. */
export const overviewSchema = z.strictObject({
  days: count,
  servicesInUse: count,
  services: z.array(
    z.strictObject({
      serviceId: z.string(),
      name: z.string(),
      vendor: z.string(),
      users: count,
      devices: count,
      visits: count,
      warnings: count,
      proceeds: count,
      blocks: count,
      pastes: count,
      uploads: count,
      logins: count,
      personalAccountEvents: count,
      apiCalls: count,
      state: policyStateSchema,
      assessment: assessmentRefSchema,
    }),
  ),
  activeDevices: count,
  openRequests: count,
  openCandidates: count,
  /** Assessments by state. */
  assessments: z.record(z.string(), count),
});
export type Overview = z.infer<typeof overviewSchema>;

const periodSchema = z.strictObject({
  from: daySchema,
  to: daySchema,
  days: count,
  previous: z.strictObject({ from: daySchema, to: daySchema }),
});

const figuresSchema = z.strictObject({
  servicesInUse: count,
  people: count,
  browsers: count,
  /** Shares from 0 to 1; null when there was nothing to divide. */
  unsanctionedShare: z.number().nullable(),
  personalShare: z.number().nullable(),
  pastes: count,
  uploads: count,
});

/** A department's row; `department` is null for people with no department known. */
const departmentRow = <Extra extends z.ZodRawShape>(extra: Extra) =>
  z.strictObject({ department: z.string().nullable(), people: count, ...extra });

export const dashboardSchema = z.strictObject({
  period: periodSchema,
  figures: figuresSchema,
  previousFigures: figuresSchema,
  /** One point per day: `day`, then people per top service id (and the rest together). */
  peoplePerDay: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  topServices: z.array(z.strictObject({ serviceId: z.string(), name: z.string() })),
  visitsByState: z.array(
    z.strictObject({
      day: daySchema,
      blocked: count,
      unapproved: count,
      approved: count,
      conditional: count,
      unreviewed: count,
    }),
  ),
  byCategory: z.array(
    z.strictObject({ category: serviceCategorySchema, label: z.string(), visits: count, services: count }),
  ),
  byDepartment: z.strictObject({
    mappedPeople: count,
    rows: z.array(departmentRow({ unsanctionedPeople: count })),
  }),
  newServices: z.array(
    z.strictObject({
      serviceId: z.string(),
      name: z.string(),
      firstSeen: daySchema,
      people: count,
      state: policyStateSchema,
    }),
  ),
  setup: z.strictObject({ enrolledBrowsers: count, anyUsageEver: z.boolean() }),
  queues: z.strictObject({ openRequests: count, openCandidates: count, assessmentsInProgress: count }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const usageTotals = {
  serviceId: z.string(),
  people: count,
  browsers: count,
  visits: count,
  warnings: count,
  proceeds: count,
  blocks: count,
  logins: count,
  personalAccountEvents: count,
  pastes: count,
  uploads: count,
  apiCalls: count,
};

export const serviceTableSchema = z.strictObject({
  period: periodSchema,
  total: count,
  page: count,
  pageSize: count,
  sort: z.enum(serviceSortKeys),
  services: z.array(
    z.strictObject({
      ...usageTotals,
      name: z.string(),
      vendor: z.string(),
      category: z.string(),
      state: policyStateSchema,
      firstSeen: daySchema,
      assessment: assessmentRefSchema,
      waitsForAssessment: z.boolean(),
    }),
  ),
});
export type ServiceTable = z.infer<typeof serviceTableSchema>;

/** One service's page: use over the period, who uses it, its policy, vendors and assessments. */
export const serviceDetailSchema = z.strictObject({
  period: periodSchema,
  service: z.strictObject({
    serviceId: z.string(),
    name: z.string(),
    vendor: z.string(),
    category: serviceCategorySchema,
    website: z.string().nullable(),
    inCatalog: z.boolean(),
  }),
  totals: z.strictObject(usageTotals),
  peoplePerDay: z.array(z.strictObject({ day: daySchema, people: count, visits: count })),
  people: z.array(
    z.strictObject({
      person: z.string(),
      userKey: z.string().nullable(),
      label: z.string().nullable(),
      department: z.string().nullable(),
      browserOnly: z.boolean(),
      browsers: count,
      days: count,
      visits: count,
      pastes: count,
      uploads: count,
      apiCalls: count,
      lastDay: daySchema.nullable(),
    }),
  ),
  byDepartment: z.strictObject({
    mappedPeople: count,
    rows: z.array(departmentRow({ activeDays: count })),
  }),
  peopleCount: count,
  pseudonymised: z.boolean(),
  apiCallers: z.array(
    z.strictObject({
      initiatorHost: z.string().nullable(),
      apiHost: z.string(),
      calls: count,
      browsers: count,
      lastAt: timestampSchema.nullable(),
    }),
  ),
  rawRetentionDays: count,
  accessRequests: z.array(
    z.strictObject({
      id: z.uuid(),
      status: z.string(),
      userKey: z.string().nullable(),
      userLabel: z.string().nullable(),
      intendedUse: z.string(),
      createdAt: timestampSchema,
      assessmentId: z.uuid().nullable(),
    }),
  ),
  policy: z.strictObject({
    state: policyStateSchema,
    conditions: z.string().nullable(),
    alternativeServiceId: z.string().nullable(),
    alternativeName: z.string().nullable(),
    alternativeUrl: z.string().nullable(),
    note: z.string().nullable(),
    decisionId: z.uuid().nullable(),
    updatedAt: timestampSchema.nullable(),
  }),
  policyHistory: z.array(
    z.strictObject({
      at: timestampSchema,
      by: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      conditions: z.string().nullable(),
      decisionId: z.string().nullable(),
      bulk: z.boolean(),
    }),
  ),
  vendors: z.array(
    z.strictObject({
      id: z.uuid(),
      name: z.string(),
      status: vendorStatusSchema,
      tier: riskTierSchema.nullable(),
    }),
  ),
  assessments: z.array(
    z.strictObject({
      id: z.uuid(),
      state: assessmentStateSchema,
      vendorId: z.uuid(),
      createdAt: timestampSchema,
      dueOn: daySchema,
    }),
  ),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;
