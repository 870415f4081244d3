import type { AnswerConflict } from '@sightline/shared/assessments/vendor-page-api';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { summariseAnswer } from './answer-summary';

type Props = {
  question: PublicQuestion;
  conflict: AnswerConflict;
  onResolve: (choice: 'theirs' | 'mine') => void;
};

/** Someone else saved this answer while this page was editing it: the person chooses which to keep. */
export function ConflictNotice({ question, conflict, onResolve }: Props) {
  const who = conflict.savedBy ?? 'Someone else';
  const when = new Date(conflict.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{who}</strong> saved a different answer at {when} while you were editing:{' '}
        <q>{summariseAnswer(question, conflict.theirs)}</q>. Your answer is not saved yet.
      </p>
      <div className="conflict-actions">
        <button type="button" onClick={() => onResolve('theirs')}>
          Keep {who}’s answer
        </button>
        <button type="button" className="secondary" onClick={() => onResolve('mine')}>
          Keep mine
        </button>
      </div>
    </div>
  );
}
