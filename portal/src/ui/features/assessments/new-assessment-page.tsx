import {
  type CreateAssessmentInput,
  createAssessmentSchema,
} from '@sightline/shared/assessments/assessment-api';
import { type DataCategory, dataCategories } from '@sightline/shared/questionnaire/profile-vocabulary';
import type { UseContext } from '@sightline/shared/questionnaire/use-context';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { CatalogDatalist } from '../vendors/catalog-services';
import { linkHandOverOf } from './link-notice';
import { UseContextFields } from './use-context-fields';

const { shape } = createAssessmentSchema;

/** Whom to ask, what and by when; the use profile is its own fieldset, added when it is sent. */
const formSchema = intoContract(
  z.object({
    vendorId: textOrUndefined,
    serviceId: textOrUndefined,
    accessRequestId: textOrUndefined,
    templateId: textOrUndefined,
    respondentName: z.string(),
    respondentEmail: z.string(),
    dueOn: z.string(),
  }),
  createAssessmentSchema,
);

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Start from a vendor (?vendorId), a service (?serviceId) or an access request (?accessRequestId). */
export function NewAssessmentPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const serviceId = params.get('serviceId') ?? '';
  const accessRequestId = params.get('accessRequestId') ?? '';
  const form = useZodForm(formSchema, {
    defaultValues: {
      vendorId: params.get('vendorId') ?? '',
      serviceId,
      accessRequestId,
      templateId: '',
      respondentName: '',
      respondentEmail: '',
      dueOn: inDays(21),
    },
  });
  const vendorId = form.watch('vendorId');
  const vendors = usePagedList({
    queryKey: ['vendors', {}],
    fetchPage: (cursor) => unwrap(api.api.vendors.$get({ query: { cursor } })),
  });
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => unwrap(api.api.templates.$get()) });
  const vendor = useQuery({
    queryKey: ['vendor', vendorId],
    queryFn: () => unwrap(api.api.vendors[':id'].$get({ param: { id: vendorId } })),
    enabled: vendorId !== '',
  });
  const [useContext, setUseContext] = useState<UseContext>({});
  const request = useQuery({
    queryKey: ['requests', 'one', accessRequestId],
    queryFn: () => unwrap(api.api.requests[':id'].$get({ param: { id: accessRequestId } })),
    enabled: accessRequestId !== '',
  }).data;
  // Prefill once from the employee's request; procurement can then correct it.
  useEffect(() => {
    if (!request) return;
    setUseContext((current) => prefillFromRequest(current, request));
  }, [request]);
  const primary = vendor.data?.contacts.find((c) => c.isPrimary) ?? vendor.data?.contacts[0];
  // The vendor's contact answers unless someone is named by hand after it was chosen.
  const { resetField } = form;
  useEffect(() => {
    resetField('respondentName', { defaultValue: primary?.name ?? '' });
    resetField('respondentEmail', { defaultValue: primary?.email ?? '' });
  }, [primary?.name, primary?.email, resetField]);

  const create = useApiMutation({
    mutationFn: (json: CreateAssessmentInput) => unwrap(api.api.assessments.$post({ json })),
    onSuccess: (result) => {
      const handOver = linkHandOverOf(result);
      navigate(`/assessments/${result.id}`, { state: handOver ? { handOver } : null });
    },
    failure: 'Could not create the assessment',
  });
  const submit = (send: boolean) =>
    form.handleSubmit((input) =>
      create.mutate({ ...input, send, ...(Object.keys(useContext).length ? { useContext } : {}) }),
    );
  const errors = form.formState.errors;

  const sortedTemplates = templates.data?.templates ?? [];
  return (
    <section>
      <p>
        <Link to="/assessments">← Assessments</Link>
      </p>
      <h1>New assessment</h1>
      {accessRequestId && (
        <p className="info">Starting from an employee's access request; it will be linked.</p>
      )}
      <form className="card form-grid" onSubmit={submit(true)} aria-label="New assessment" noValidate>
        <CatalogDatalist id="catalog-service-ids" />
        <div className="field">
          <label>
            Vendor
            <select
              {...form.register('vendorId')}
              required={!serviceId && !accessRequestId}
              {...fieldErrorProps('new-vendor-error', errors.vendorId)}
            >
              <option value="">
                {serviceId || accessRequestId
                  ? 'Find from the service (new vendors come from the catalog)'
                  : 'Choose a vendor'}
              </option>
              {vendor.data && !vendors.items.some((v) => v.id === vendorId) && (
                <option value={vendorId}>{vendor.data.vendor.name}</option>
              )}
              {vendors.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <FieldError id="new-vendor-error" message={errors.vendorId?.message} />
        </div>
        {vendors.hasMore && <LoadMore list={vendors} noun="vendors" />}
        <div className="field">
          <label>
            Catalog service (optional)
            <input
              {...form.register('serviceId')}
              placeholder="e.g. openai-chatgpt"
              list="catalog-service-ids"
              readOnly={accessRequestId !== ''}
              {...textLimits(shape.serviceId)}
              {...fieldErrorProps('new-service-error', errors.serviceId)}
            />
          </label>
          <FieldError id="new-service-error" message={errors.serviceId?.message} />
        </div>
        <label>
          Questionnaire
          <select {...form.register('templateId')}>
            <option value="">Latest ISO/IEC 42001 A.10 template</option>
            {sortedTemplates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title} v{t.version}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label>
            Respondent name
            <input
              {...form.register('respondentName')}
              required
              {...textLimits(shape.respondentName)}
              {...fieldErrorProps('new-respondent-name-error', errors.respondentName)}
            />
          </label>
          <FieldError id="new-respondent-name-error" message={errors.respondentName?.message} />
        </div>
        <div className="field">
          <label>
            Respondent email
            <input
              {...form.register('respondentEmail')}
              type="email"
              required
              {...textLimits(shape.respondentEmail)}
              {...fieldErrorProps('new-respondent-email-error', errors.respondentEmail)}
            />
          </label>
          <FieldError id="new-respondent-email-error" message={errors.respondentEmail?.message} />
        </div>
        <div className="field">
          <label>
            Due date
            <input
              {...form.register('dueOn')}
              type="date"
              required
              min={inDays(0)}
              {...fieldErrorProps('new-due-error', errors.dueOn)}
            />
          </label>
          <FieldError id="new-due-error" message={errors.dueOn?.message} />
        </div>
        <UseContextFields value={useContext} onChange={setUseContext} />
        <div className="wide actions">
          <button type="submit" disabled={create.isPending}>
            Create and send
          </button>
          <button type="button" className="secondary" disabled={create.isPending} onClick={submit(false)}>
            Save as draft
          </button>
        </div>
        <ApiErrorAlert error={create.error} className="wide" />
      </form>
    </section>
  );
}

/** The request's intended use and data categories, unless procurement already filled those fields. */
function prefillFromRequest(
  current: UseContext,
  request: { intendedUse: string; dataCategories: string[] },
): UseContext {
  const next = { ...current };
  if (next.purpose === undefined && request.intendedUse.trim()) next.purpose = request.intendedUse;
  if (next.dataCategories === undefined) {
    const known = request.dataCategories.filter((c): c is DataCategory =>
      (dataCategories as readonly string[]).includes(c),
    );
    if (known.length) next.dataCategories = known;
  }
  return next;
}
