import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './features/account/account-page';
import { AssessmentDetailPage } from './features/assessments/assessment-detail-page';
import { AssessmentsPage } from './features/assessments/assessments-page';
import { NewAssessmentPage } from './features/assessments/new-assessment-page';
import { AuditPage } from './features/audit/audit-page';
import { AcceptInvitationPage } from './features/auth/accept-invitation-page';
import { FirstRunPage } from './features/auth/first-run-page';
import { SignInPage } from './features/auth/sign-in-page';
import { CandidatesPage } from './features/catalog/candidates-page';
import { CatalogPage } from './features/catalog/catalog-page';
import { DevicesPage } from './features/devices/devices-page';
import { ServicePage } from './features/discovery/service-page';
import { FindingsPage } from './features/findings/findings-page';
import { HomePage } from './features/home/home-page';
import { InventoryDetailPage } from './features/inventory/inventory-detail-page';
import { InventoryNewPage } from './features/inventory/inventory-new-page';
import { InventoryPage } from './features/inventory/inventory-page';
import { OutboxPage } from './features/outbox/outbox-page';
import { PolicyPage } from './features/policy/policy-page';
import { RequestsPage } from './features/requests/requests-page';
import { DueForReviewPage } from './features/reviews/due-for-review-page';
import { SettingsPage } from './features/settings/settings-page';
import { TemplateDetailPage } from './features/templates/template-detail-page';
import { TemplatesPage } from './features/templates/templates-page';
import { UsersPage } from './features/users/users-page';
import { VendorDetailPage } from './features/vendors/vendor-detail-page';
import { VendorsPage } from './features/vendors/vendors-page';
import { Shell } from './layout/shell';
import { useMe } from './lib/session';

export function AppRoutes() {
  const me = useMe();
  if (me.isPending) return <p className="loading">Loading…</p>;
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      {me.data && <Route path="/welcome" element={<FirstRunPage me={me.data} />} />}
      {me.data?.passwordChangeRequired ? (
        // A one-time password reaches nothing else: the API would refuse every call anyway.
        <Route path="*" element={<Navigate to="/welcome" replace />} />
      ) : me.data ? (
        <Route element={<Shell me={me.data} />}>
          <Route index element={<HomePage />} />
          <Route path="policy" element={<PolicyPage />} />
          <Route path="services/:serviceId" element={<ServicePage />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="devices" element={<DevicesPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="catalog" element={<CatalogPage />} />
          <Route path="candidates" element={<CandidatesPage />} />
          <Route path="vendors" element={<VendorsPage />} />
          <Route path="vendors/:id" element={<VendorDetailPage />} />
          <Route path="reviews/due" element={<DueForReviewPage />} />
          <Route path="assessments" element={<AssessmentsPage />} />
          <Route path="assessments/new" element={<NewAssessmentPage />} />
          <Route path="assessments/:id" element={<AssessmentDetailPage />} />
          <Route path="inventory" element={<InventoryPage />} />
          <Route path="inventory/new" element={<InventoryNewPage />} />
          <Route path="inventory/:id" element={<InventoryDetailPage />} />
          <Route path="findings" element={<FindingsPage />} />
          <Route path="templates" element={<TemplatesPage />} />
          <Route path="templates/:id" element={<TemplateDetailPage />} />
          <Route path="*" element={<p>Page not found.</p>} />
        </Route>
      ) : (
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      )}
    </Routes>
  );
}
