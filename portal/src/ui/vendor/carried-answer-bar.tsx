import type { CarriedAnswerState } from '@sightline/shared/reviews/review-enums';

type Props = {
  state: CarriedAnswerState;
  editable: boolean;
  busy: boolean;
  hasCarriedFiles: boolean;
  /** A text or choice answer that takes supporting files (a file question's answer is its files). */
  backedByFiles: boolean;
  onConfirm: () => void;
};

/**
 * On a reassessment, under each answer carried over from the last assessment: confirm it is still
 * true (it and its files stay), or change it (files that backed the old answer are dropped).
 */
export function CarriedAnswerBar({
  state,
  editable,
  busy,
  hasCarriedFiles,
  backedByFiles,
  onConfirm,
}: Props) {
  if (state === 'confirmed') {
    return (
      <p className="carried carried-confirmed" role="status">
        <span aria-hidden="true">✓ </span>Confirmed: still true since your last assessment
        {hasCarriedFiles && ', with the same files'}.
      </p>
    );
  }
  if (state === 'changed') {
    return (
      <p className="carried carried-changed">
        Changed since your last assessment.
        {backedByFiles &&
          ' Files attached to the old answer no longer count for this one; attach them again if they still apply.'}
      </p>
    );
  }
  return (
    <div className="carried carried-prefilled">
      <p>
        <strong>From your last assessment.</strong> Is this still true? Confirm it, or change the answer
        above.
      </p>
      {editable && (
        <button type="button" className="secondary" onClick={onConfirm} disabled={busy}>
          Still true: confirm
        </button>
      )}
    </div>
  );
}
