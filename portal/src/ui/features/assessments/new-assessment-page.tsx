import { type DataCategory, dataCategories } from '@sightline/shared/questionnaire/profile-vocabulary';
import type { UseContext } from '@sightline/shared/questionnaire/use-context';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { CatalogDatalist } from '../vendors/catalog-services';
import { linkHandOverOf } from './link-notice';
import { UseContextFields } from './use-context-fields';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Start from a vendor (?vendorId), a service (?serviceId) or an access request (?accessRequestId). */
export function NewAssessmentPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [vendorId, setVendorId] = useState(params.get('vendorId') ?? '');
  const serviceId = params.get('serviceId') ?? '';
  const accessRequestId = params.get('accessRequestId') ?? '';
  const [error, setError] = useState<string | null>(null);
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

  const create = useApiMutation({
    mutationFn: (json: Parameters<typeof api.api.assessments.$post>[0]['json']) =>
      unwrap(api.api.assessments.$post({ json })),
    onSuccess: (result) => {
      const handOver = linkHandOverOf(result);
      navigate(`/assessments/${result.id}`, { state: handOver ? { handOver } : null });
    },
    failure: 'Could not create the assessment',
    onError: (e) => setError(e.message),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setError(null);
    create.mutate({
      ...(vendorId ? { vendorId } : {}),
      ...(text('serviceId') ? { serviceId: text('serviceId').toLowerCase() } : {}),
      ...(accessRequestId ? { accessRequestId } : {}),
      ...(text('templateId') ? { templateId: text('templateId') } : {}),
      respondentName: text('respondentName'),
      respondentEmail: text('respondentEmail'),
      dueOn: text('dueOn'),
      send: submitter?.value === 'send',
      ...(Object.keys(useContext).length ? { useContext } : {}),
    });
  };

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
      <form className="card form-grid" onSubmit={onSubmit} aria-label="New assessment">
        <CatalogDatalist id="catalog-service-ids" />
        <label>
          Vendor
          <select
            value={vendorId}
            onChange={(e) => setVendorId(e.target.value)}
            required={!serviceId && !accessRequestId}
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
        {vendors.hasMore && <LoadMore list={vendors} noun="vendors" />}
        <label>
          Catalog service (optional)
          <input
            name="serviceId"
            defaultValue={serviceId}
            placeholder="e.g. openai-chatgpt"
            list="catalog-service-ids"
            readOnly={accessRequestId !== ''}
          />
        </label>
        <label>
          Questionnaire
          <select name="templateId" defaultValue="">
            <option value="">Latest ISO/IEC 42001 A.10 template</option>
            {sortedTemplates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title} v{t.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          Respondent name
          <input
            name="respondentName"
            required
            maxLength={200}
            defaultValue={primary?.name ?? ''}
            key={`n-${primary?.id}`}
          />
        </label>
        <label>
          Respondent email
          <input
            name="respondentEmail"
            type="email"
            required
            defaultValue={primary?.email ?? ''}
            key={`e-${primary?.id}`}
          />
        </label>
        <label>
          Due date
          <input name="dueOn" type="date" required min={inDays(0)} defaultValue={inDays(21)} />
        </label>
        <UseContextFields value={useContext} onChange={setUseContext} />
        <div className="wide actions">
          <button type="submit" name="action" value="send" disabled={create.isPending}>
            Create and send
          </button>
          <button type="submit" name="action" value="draft" className="secondary" disabled={create.isPending}>
            Save as draft
          </button>
        </div>
        {error && (
          <p role="alert" className="error wide">
            {error}
          </p>
        )}
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
