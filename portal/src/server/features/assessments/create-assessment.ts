import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import { accessRequest, usageDaily } from '@sightline/db/schema/usage';
import { vendor, vendorService } from '@sightline/db/schema/vendors';
import type { CreateAssessmentInput } from '@sightline/shared/assessments/assessment-api';
import { toDataCategories } from '@sightline/shared/questionnaire/data-category-spellings';
import type { UseContext } from '@sightline/shared/scoring/score-input-schema';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { loadCatalog } from '../catalog/catalog-source';
import { defaultTemplateId } from '../templates/templates-service';
import { insertVendor, linkService } from '../vendors/vendors-service';
import { nextCycle, refuseSecondOpenCycle } from './assessment-cycles';
import type { AssessmentDeps } from './assessment-deps';
import { checkDueDate } from './assessment-records';

type Tx = Parameters<Parameters<AssessmentDeps['db']['transaction']>[0]>[0];

/**
 * Creates a draft. From an access request the service (and the employee's data categories) come
 * from the request; from a service the vendor is the one that provides it. The request moves to
 * "in assessment" and points at the new assessment, in the same transaction. A service with an
 * assessment under way gets no second one (409), whichever way it is started. The new assessment
 * is the next cycle after the service's latest decided one; `afterInsert` lets a reassessment carry
 * that cycle's answers over in the same transaction.
 */
export async function createAssessment(
  deps: AssessmentDeps,
  actor: Actor,
  input: CreateAssessmentInput,
  afterInsert?: (tx: Tx, created: { id: string; previousAssessmentId: string | null }) => Promise<void>,
) {
  const { now } = deps;
  checkDueDate(input.dueOn, now);
  return deps.db.transaction(async (tx) => {
    let serviceId = input.serviceId ?? null;
    let useContext: UseContext = { ...input.useContext };
    if (input.accessRequestId) {
      const [request] = await tx
        .select()
        .from(accessRequest)
        .where(eq(accessRequest.id, input.accessRequestId))
        .for('update');
      if (!request) throw new AppError('not_found', 'No access request with this id');
      if (request.status !== 'open') {
        throw new AppError(
          'conflict',
          `This access request is ${request.status.replace('_', ' ')}, not open`,
        );
      }
      if (serviceId && serviceId !== request.serviceId) {
        throw new AppError(
          'bad_request',
          `The access request is for "${request.serviceId}", not "${serviceId}"`,
        );
      }
      serviceId = request.serviceId;
      // Requests stored before the vocabulary was unified hold the old spellings (`personal-data`).
      const categories = toDataCategories(request.dataCategories);
      if (!useContext.dataCategories && categories.length) {
        useContext = { ...useContext, dataCategories: categories };
      }
    }
    const vendorId = input.vendorId ?? (serviceId ? await vendorForService(tx, actor, serviceId, now) : null);
    if (!vendorId) throw new AppError('bad_request', 'Choose the vendor to assess');
    const [vendorRow] = await tx.select({ id: vendor.id }).from(vendor).where(eq(vendor.id, vendorId));
    if (!vendorRow) throw new AppError('not_found', 'No vendor with this id');
    if (serviceId || afterInsert) await refuseSecondOpenCycle(tx, vendorId, serviceId);
    const cycle = await nextCycle(tx, vendorId, serviceId);
    if (serviceId) {
      await linkService(tx, vendorId, serviceId);
      if (useContext.observedUsers === undefined) {
        const [seen] = await tx
          .select({ n: sql<number>`count(distinct ${usageDaily.userKey})::int` })
          .from(usageDaily)
          .where(eq(usageDaily.serviceId, serviceId));
        if (seen && seen.n > 0) useContext = { ...useContext, observedUsers: seen.n };
      }
    }
    const templateId = input.templateId ?? (await defaultTemplateId(tx));
    const [template] = await tx
      .select({ id: questionnaireTemplate.id })
      .from(questionnaireTemplate)
      .where(eq(questionnaireTemplate.id, templateId));
    if (!template) throw new AppError('not_found', 'No template with this id');
    const [row] = await tx
      .insert(assessment)
      .values({
        vendorId,
        serviceId,
        accessRequestId: input.accessRequestId ?? null,
        templateId,
        respondentName: input.respondentName,
        respondentEmail: input.respondentEmail,
        dueOn: input.dueOn,
        useContext,
        cycle: cycle.cycle,
        previousAssessmentId: cycle.previousAssessmentId,
        createdBy: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: assessment.id });
    const id = row!.id;
    if (input.accessRequestId) {
      await tx
        .update(accessRequest)
        .set({ status: 'in_assessment', assessmentId: id, updatedAt: now })
        .where(eq(accessRequest.id, input.accessRequestId));
    }
    await afterInsert?.(tx, { id, previousAssessmentId: cycle.previousAssessmentId });
    await recordAudit(tx, {
      actor,
      action: 'assessment.created',
      targetType: 'assessment',
      targetId: id,
      details: {
        vendorId,
        serviceId,
        accessRequestId: input.accessRequestId ?? null,
        templateId,
        respondentEmail: input.respondentEmail,
        dueOn: input.dueOn,
        cycle: cycle.cycle,
        previousAssessmentId: cycle.previousAssessmentId,
      },
      at: now,
    });
    return { id };
  });
}

/**
 * The vendor that provides the service. When none does yet but the catalog knows the service, the
 * catalog's vendor is used: an existing vendor of that name is linked, otherwise it is created
 * (audited) so starting an assessment from the dashboard takes one click.
 */
async function vendorForService(tx: Tx, actor: Actor, serviceId: string, now: Date) {
  const rows = await tx
    .select({ vendorId: vendorService.vendorId })
    .from(vendorService)
    .where(eq(vendorService.serviceId, serviceId));
  if (rows.length > 1) {
    throw new AppError('bad_request', `Several vendors provide "${serviceId}": choose which one to assess`);
  }
  if (rows.length === 1) return rows[0]!.vendorId;
  const entry = (await loadCatalog(tx)).byId.get(serviceId);
  if (!entry) {
    throw new AppError(
      'bad_request',
      `No vendor provides "${serviceId}" yet: choose the vendor (it will be linked)`,
    );
  }
  const sameName = await tx
    .select({ id: vendor.id })
    .from(vendor)
    .where(sql`lower(${vendor.name}) = lower(${entry.vendor})`)
    .limit(2);
  if (sameName.length === 1) return sameName[0]!.id;
  if (sameName.length > 1) {
    throw new AppError(
      'bad_request',
      `Several vendors are named "${entry.vendor}": choose which one to assess`,
    );
  }
  const created = await insertVendor(
    tx,
    actor,
    { name: entry.vendor, website: new URL(entry.website).origin, services: [serviceId] },
    now,
    { fromCatalogService: serviceId },
  );
  return created.id;
}
