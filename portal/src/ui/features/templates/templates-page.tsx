import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';
import { ImportTemplateForm } from './import-template-form';

export function TemplatesPage() {
  const canWrite = hasRole(useMe().data, ['admin', 'procurement']);
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => unwrap(api.api.templates.$get()) });
  return (
    <section>
      <h1>Questionnaire templates</h1>
      <p className="info">
        Templates are versioned. An assessment keeps the questions it was sent with, so a new version never
        changes what a vendor was asked.
      </p>
      {templates.error && (
        <p role="alert" className="error">
          {templates.error.message}
        </p>
      )}
      <table>
        <caption>Templates</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Key</th>
            <th scope="col">Version</th>
            <th scope="col">Sections</th>
            <th scope="col">Questions</th>
            <th scope="col">Used by</th>
          </tr>
        </thead>
        <tbody>
          {templates.data?.templates.map((t) => (
            <tr key={t.id}>
              <td>
                <Link to={`/templates/${t.id}`}>{t.title}</Link>{' '}
                {t.builtIn && <span className="badge">shipped</span>}
              </td>
              <td>
                <code>{t.key}</code>
              </td>
              <td>v{t.version}</td>
              <td>{t.sectionCount}</td>
              <td>{t.questionCount}</td>
              <td>{t.assessmentCount} assessments</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite && <ImportTemplateForm />}
    </section>
  );
}
