import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { progress } from '@sightline/shared/questionnaire/completeness';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { resolveVisibility } from '@sightline/shared/questionnaire/visibility';
import type { CarriedAnswerState } from '@sightline/shared/reviews/review-enums';
import { useEffect, useMemo, useState } from 'react';
import { UseContextSummary } from '../components/use-context-summary';
import type { Autosave } from './autosave-store';
import { ColleagueForm } from './colleague-form';
import { MaterialChangeForm } from './material-change-form';
import { QuestionCard } from './question-card';
import { SaveIndicator } from './save-indicator';
import { SectionContents } from './section-contents';
import { SubmitPanel } from './submit-panel';
import { useAutosave } from './use-autosave';
import type { VendorApi } from './vendor-api';

type Props = { view: VendorView; api: VendorApi; autosave: Autosave; reload: () => Promise<void> };

export function QuestionnairePage({ view, api, autosave: store, reload }: Props) {
  const { template, assessment } = view;
  const questions = useMemo(() => {
    const map = new Map<string, PublicQuestion>();
    for (const s of template.sections) for (const q of s.questions) map.set(q.id, q);
    return map;
  }, [template]);
  useEffect(() => {
    document.title = `${template.title} · ${assessment.vendorName}`;
  }, [template.title, assessment.vendorName]);
  const autosave = useAutosave(store, questions);
  const { answers } = autosave;
  // Carried-over answers on a reassessment: the server's word, updated here as the vendor acts.
  const [carried, setCarried] = useState<Record<string, CarriedAnswerState>>(view.carried ?? {});
  useEffect(() => setCarried(view.carried ?? {}), [view.carried]);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const confirm = async (ids: string[]) => {
    setConfirming(true);
    setConfirmError(null);
    try {
      await autosave.flush();
      await api.confirm(ids);
      setCarried((c) => ({ ...c, ...Object.fromEntries(ids.map((id) => [id, 'confirmed' as const])) }));
    } catch (e) {
      setConfirmError(toApiClientError(e, 'Could not confirm.').message);
    } finally {
      setConfirming(false);
    }
  };
  const onAnswerChange = (q: PublicQuestion, next: Parameters<typeof autosave.update>[1]) => {
    autosave.update(q, next);
    const state = carried[q.id];
    if (state === 'prefilled' || state === 'confirmed') {
      setCarried((c) => ({ ...c, [q.id]: 'changed' }));
      // The server drops the files that backed the old answer once it saves; show that.
      if (view.evidence.some((e) => e.questionId === q.id && e.carriedOver)) void reload();
    }
  };

  const evidenceSummary = useMemo(() => {
    const summary: Record<string, { count: number; verified: number }> = {};
    for (const e of view.evidence) {
      const entry = summary[e.questionId] ?? { count: 0, verified: 0 };
      entry.count += 1;
      summary[e.questionId] = entry;
    }
    return summary;
  }, [view.evidence]);
  // The organisation's use context switches sections on exactly as the server does when it scores.
  const visibility = useMemo(
    () => resolveVisibility(template, answers, view.useContext),
    [template, answers, view.useContext],
  );
  const done = progress(template, answers, evidenceSummary, view.useContext);
  const editableIds = view.editableQuestionIds ? new Set(view.editableQuestionIds) : null;
  const canEdit = (id: string) =>
    assessment.mode === 'answering' || (assessment.mode === 'changes' && editableIds?.has(id) === true);
  const visibleIds = new Set(visibility.questions.map((v) => v.question.id));
  const percent = done.total === 0 ? 0 : Math.round((done.answered / done.total) * 100);
  const pendingIds = (ids: Iterable<string>) =>
    [...ids].filter((id) => carried[id] === 'prefilled' && visibleIds.has(id) && canEdit(id));
  const pendingCount = pendingIds(Object.keys(carried)).length;

  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          {assessment.organisationName} · supplier questionnaire for {assessment.vendorName}
        </p>
        <h1>{template.title}</h1>
        <p>
          Due <strong>{assessment.dueOn}</strong>. Questions? Contact {assessment.contact.name} (
          <a href={`mailto:${assessment.contact.email}`}>{assessment.contact.email}</a>).
        </p>
        {autosave.status.kind === 'error' && autosave.status.linkDead && (
          <p className="notice dead-link" role="alert">
            {autosave.status.message} Your latest changes on this page were not saved.
          </p>
        )}
        {assessment.mode === 'read_only' && (
          <p className="notice" role="status">
            {assessment.submittedAt
              ? `Submitted on ${assessment.submittedAt.slice(0, 10)}. Your answers are locked; thank you.`
              : 'This questionnaire is closed for changes.'}
          </p>
        )}
        {assessment.mode === 'changes' && (
          <p className="notice" role="status">
            The reviewers have questions about {editableIds?.size ?? 0} of your answers. Those questions are
            marked below and are the only ones you can change; then submit again.
          </p>
        )}
        <div className="progress-row">
          <label htmlFor="progress">
            {done.answered} of {done.total} questions answered
          </label>
          <progress id="progress" max={done.total || 1} value={done.answered}>
            {percent}%
          </progress>
          {assessment.mode !== 'read_only' && <SaveIndicator status={autosave.status} />}
        </div>
      </header>

      <main id="main">
        {/* Below the sticky header, not in it: on a small screen it would cover the questions. */}
        {view.useContext && (
          <section
            className="notice use-context-notice"
            aria-label="How the organisation intends to use the service"
          >
            <h2>How {assessment.organisationName} intends to use the service</h2>
            <p>For context only: you are not asked about this.</p>
            <UseContextSummary context={view.useContext} />
          </section>
        )}
        {Object.keys(carried).length > 0 && assessment.mode !== 'read_only' && (
          <p className="notice reassessment-notice" role="status">
            This is a reassessment: your answers from last time are filled in.{' '}
            {pendingCount > 0
              ? `${pendingCount} still need you to confirm they are still true, or to change them, before you can submit.`
              : 'You have confirmed or changed each of them.'}
          </p>
        )}
        {confirmError && (
          <p className="notice" role="alert">
            {confirmError}
          </p>
        )}
        <p className="intro">{template.description}</p>
        {assessment.you.colleague && (
          <p className="hint">
            You are answering as {assessment.you.name ?? assessment.you.email}, invited to help{' '}
            {assessment.respondentName}.
          </p>
        )}
        <SectionContents
          template={template}
          visibility={visibility}
          answers={answers}
          evidence={evidenceSummary}
        />
        <p className="hint">
          Questions marked <span aria-hidden="true">*</span> are required. Answers save automatically as you
          go; your first answers decide which later sections apply.
        </p>
        {template.sections.map((section) => {
          if (!visibility.sections.get(section.id)) return null;
          const shown = section.questions.filter((q) => visibleIds.has(q.id));
          if (shown.length === 0) return null;
          return (
            <section key={section.id} className="q-section" aria-labelledby={`s-${section.id}`}>
              <h2 id={`s-${section.id}`}>{section.title}</h2>
              {section.description && <p className="section-intro">{section.description}</p>}
              {pendingIds(shown.map((q) => q.id)).length > 1 && (
                <p>
                  <button
                    type="button"
                    className="secondary"
                    disabled={confirming}
                    onClick={() => void confirm(pendingIds(shown.map((q) => q.id)))}
                  >
                    Confirm the {pendingIds(shown.map((q) => q.id)).length} answers from last time in this
                    section
                  </button>
                </p>
              )}
              {shown.map((q) => (
                <QuestionCard
                  key={q.id}
                  question={q}
                  answer={answers[q.id]}
                  editable={canEdit(q.id)}
                  lockedReason={
                    assessment.mode === 'changes' && !canEdit(q.id) ? 'Not questioned: locked.' : null
                  }
                  error={autosave.errors[q.id]}
                  conflict={autosave.conflicts[q.id]}
                  onResolveConflict={(choice) => autosave.resolve(q.id, choice)}
                  reviewComments={view.reviewComments.filter((c) => c.questionId === q.id)}
                  evidence={view.evidence.filter((e) => e.questionId === q.id)}
                  api={api}
                  flush={autosave.flush}
                  onChange={(next) => onAnswerChange(q, next)}
                  onEvidenceChange={() => void reload()}
                  carried={
                    carried[q.id]
                      ? { state: carried[q.id]!, busy: confirming, onConfirm: () => void confirm([q.id]) }
                      : undefined
                  }
                />
              ))}
            </section>
          );
        })}
        {assessment.mode !== 'read_only' && (
          <>
            <SubmitPanel
              api={api}
              flush={autosave.flush}
              blocked={autosave.hasLocalErrors}
              questions={questions}
              onSubmitted={reload}
              resubmission={assessment.mode === 'changes'}
            />
            <ColleagueForm api={api} />
          </>
        )}
        <MaterialChangeForm api={api} changes={view.materialChanges} onDeclared={reload} />
      </main>
    </>
  );
}
