import type { Answers } from '../questionnaire/answer-schema';
import { lookup } from '../questionnaire/lookup';
import { defaultResponsibilities, type Responsibility, type ResponsibilityMatrix } from './responsibilities';

/**
 * The A.10.2 split of responsibilities for a bought service, prefilled from what the vendor answered
 * in the A.10 questionnaire. Activities the questionnaire does not ask about (or the vendor did not
 * answer) keep the default split; each prefilled cell says in its note which answer it comes from,
 * so whoever refines the matrix can see why it reads as it does.
 */
export function responsibilitiesFromAnswers(answers: Answers): ResponsibilityMatrix {
  const matrix = defaultResponsibilities();
  const data = providingData(answers);
  if (data) matrix.providing_data = data;
  const model = modelDevelopment(answers);
  if (model) matrix.model_development = model;
  const monitoring = performanceMonitoring(answers);
  if (monitoring) matrix.performance_monitoring = monitoring;
  const incidents = incidentHandling(answers);
  if (incidents) matrix.incident_handling = incidents;
  const transparency = userTransparency(answers);
  if (transparency) matrix.user_transparency = transparency;
  const oversight = humanOversight(answers);
  if (oversight) matrix.human_oversight = oversight;
  return matrix;
}

/** The answer's value when it was answered (not marked not applicable), else undefined. */
function givenValue(answers: Answers, questionId: string): unknown {
  const answer = lookup(answers, questionId);
  if (!answer || answer.notApplicable) return undefined;
  return answer.value ?? undefined;
}

function notApplicable(answers: Answers, questionId: string): boolean {
  return lookup(answers, questionId)?.notApplicable === true;
}

const cell = (party: Responsibility['party'], note: string): Responsibility => ({
  party,
  note: note.slice(0, 1000),
});

function providingData(answers: Answers): Responsibility | null {
  const categories = givenValue(answers, 'profile.data_categories');
  if (!Array.isArray(categories)) return null;
  if (categories.length === 1 && categories[0] === 'none') {
    return cell('not_applicable', 'Vendor answer: none of our data passes through the service.');
  }
  const training = givenValue(answers, 'train.default_use');
  if (training === 'default_opt_out' || training === 'no_opt_out') {
    return cell(
      'organisation',
      `We provide the data our staff put in. Vendor answer: it is used to train models ${training === 'no_opt_out' ? 'with no way to opt out' : 'unless we opt out'}.`,
    );
  }
  return cell('organisation', 'We provide the data our staff put in (vendor answer on data categories).');
}

const hostingNotes: Record<string, string> = {
  own_models: 'Vendor answer: its own models on infrastructure it controls.',
  open_weights_own_infra: 'Vendor answer: open-weight models it hosts itself.',
  third_party_api: "Vendor answer: another company's models through that company's API (a fourth party).",
  mixed: "Vendor answer: a mix of its own and another company's models.",
  unknown: 'Vendor answer: it cannot say where the models run.',
};

function modelDevelopment(answers: Answers): Responsibility | null {
  const notes: string[] = [];
  const hosting = givenValue(answers, 'prov.model_hosting');
  if (typeof hosting === 'string' && hostingNotes[hosting]) notes.push(hostingNotes[hosting]);
  const fineTuning = givenValue(answers, 'train.fine_tuning_sources');
  if (typeof fineTuning === 'string' && fineTuning.trim()) {
    notes.push(`Fine-tuning data and licences: ${fineTuning.trim()}`);
  } else if (notApplicable(answers, 'train.fine_tuning_sources')) {
    notes.push('The vendor does not fine-tune or adapt models for the service.');
  }
  return notes.length ? cell('supplier', notes.join(' ')) : null;
}

function performanceMonitoring(answers: Answers): Responsibility | null {
  const drift = givenValue(answers, 'eval.drift');
  if (drift === 'yes') {
    return cell('shared', 'The vendor watches production quality and acts on drift; we watch our own use.');
  }
  if (drift === 'no') return cell('organisation', 'The vendor does not monitor quality in production.');
  return null;
}

const noticeNotes: Record<string, string> = {
  within_24h: 'within 24 hours',
  within_72h: 'within 72 hours',
  undue_delay: 'without undue delay (no fixed deadline)',
};

function incidentHandling(answers: Answers): Responsibility | null {
  const process = givenValue(answers, 'inc.process');
  const notice = givenValue(answers, 'inc.customer_notice');
  if (notice === 'no_commitment') {
    return cell('organisation', 'The vendor does not commit to telling us about incidents.');
  }
  if (process === undefined && notice === undefined) return null;
  const parts = [
    process === 'yes'
      ? 'The vendor has a written AI incident process'
      : process === 'no'
        ? 'The vendor has no written AI incident process'
        : null,
    typeof notice === 'string' && noticeNotes[notice] ? `it tells us ${noticeNotes[notice]}` : null,
  ].filter((p): p is string => p !== null);
  return cell(process === 'no' ? 'organisation' : 'shared', `${parts.join('; ')}.`);
}

const transparencyDocs: [string, string][] = [
  ['doc.system_card', 'a system card'],
  ['doc.instructions', 'guidance on intended use'],
  ['doc.limitations', 'known limitations'],
];

function userTransparency(answers: Answers): Responsibility | null {
  const answered = transparencyDocs.filter(([id]) => givenValue(answers, id) !== undefined);
  if (answered.length === 0) return null;
  const given = answered.filter(([id]) => givenValue(answers, id) === 'yes').map(([, label]) => label);
  const missing = answered.filter(([id]) => givenValue(answers, id) !== 'yes').map(([, label]) => label);
  if (missing.length === 0) {
    return cell('shared', `The vendor publishes ${given.join(', ')}; we pass them on to our users.`);
  }
  return cell(
    'organisation',
    `The vendor does not provide ${missing.join(', ')}${given.length ? ` (it does provide ${given.join(', ')})` : ''}; we inform our users ourselves.`,
  );
}

const oversightFeatures: [string, string][] = [
  ['ovs.review', 'check an output before it takes effect'],
  ['ovs.override', 'change or reject an output'],
  ['ovs.stop', 'pause the features that affect people'],
];

function humanOversight(answers: Answers): Responsibility | null {
  const answered = oversightFeatures.filter(([id]) => givenValue(answers, id) !== undefined);
  if (answered.length === 0) return null;
  const can = answered.filter(([id]) => givenValue(answers, id) === 'yes').map(([, label]) => label);
  const cannot = answered.filter(([id]) => givenValue(answers, id) !== 'yes').map(([, label]) => label);
  if (cannot.length === 0) {
    return cell('shared', `The service lets a person ${can.join(', ')}; we name who does it.`);
  }
  return cell(
    'organisation',
    `The service does not let a person ${cannot.join(' or ')}; oversight rests on our own procedures.`,
  );
}
