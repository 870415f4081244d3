import type { AssessmentReportData } from './assessment-report-data';
import { drawBarChart } from './bar-chart';
import { colours, ReportDocument } from './report-document';
import { questions } from './report-questions';
import { drawTable } from './report-table';
import { day, formatSize, inWords, when } from './report-words';

/** Every string the report draws, so the document embeds the fonts those strings need and no others. */
function textsOf(data: AssessmentReportData): string[] {
  return [JSON.stringify(data)];
}

/**
 * The assessment report as a PDF: cover, summary and decision, risk with a section chart, every
 * question with its answer, the crosswalk to the frameworks, and the evidence list. Pure: data in,
 * bytes out.
 */
export async function renderAssessmentReport(data: AssessmentReportData): Promise<Uint8Array> {
  const subject = [data.vendor, data.service].filter(Boolean).join(' · ');
  const doc = await ReportDocument.create(
    {
      title: `Assessment report: ${subject}`,
      runningHeader: [data.organisation, data.vendor, data.service ?? 'all services'].join(' · '),
      runningFooter: `Answers digest ${data.digest.slice(0, 16)}… · generated ${when(data.generatedAt)}`,
    },
    textsOf(data),
  );
  cover(doc, data);
  summary(doc, data);
  risk(doc, data);
  questions(doc, data);
  crosswalkTable(doc, data);
  evidenceTable(doc, data);
  return doc.save();
}

function cover(doc: ReportDocument, data: AssessmentReportData): void {
  doc.spacer(40);
  doc.paragraph('AI vendor assessment report', { size: 11, colour: colours.muted });
  doc.paragraph(data.vendor, { size: 24, bold: true, gapAfter: 2 });
  if (data.service) doc.paragraph(data.service, { size: 15, colour: colours.accent });
  doc.spacer(18);
  const rows: [string, string][] = [
    ['Organisation', data.organisation],
    ['Vendor', data.vendor],
    ['Service', data.service ?? 'All services of the vendor'],
    ['Vendor contact', `${data.respondent.name} <${data.respondent.email}>`],
    ['Questionnaire', `${data.template.title} (version ${data.template.version})`],
    ['State', inWords(data.state)],
  ];
  if (data.cycle !== undefined && data.cycle !== null) rows.push(['Cycle', String(data.cycle)]);
  if (data.previousAssessmentId) rows.push(['Previous assessment', data.previousAssessmentId]);
  rows.push(
    ['Sent', when(data.dates.sent)],
    ['Due', day(data.dates.due)],
    ['Submitted', when(data.dates.submitted)],
    ['Decided', when(data.dates.decided)],
    ['Assessment id', data.assessmentId],
    ['Report generated', when(data.generatedAt)],
  );
  doc.keyValues(rows);
  doc.spacer(10);
  doc.paragraph('Answers digest (SHA-256)', { size: 9.5, bold: true, colour: colours.muted, gapAfter: 1 });
  doc.paragraph(data.digest, { size: 9.5 });
  doc.paragraph(
    'The digest is taken over the questions as sent and the answers, in a canonical form. Two copies of ' +
      'this report with the same digest were made from the same answers.',
    { size: 8.5, colour: colours.muted },
  );
  doc.newPage();
}

function summary(doc: ReportDocument, data: AssessmentReportData): void {
  doc.heading('Summary');
  const score = data.score;
  if (score) {
    doc.keyValues([['Recommendation', inWords(score.recommendation)]]);
    for (const reason of score.reasons) doc.paragraph(`• ${reason}`, { size: 9.5, indent: 10 });
    if (score.conditions && score.conditions.length > 0) {
      doc.heading('Conditions that would close the gaps', 2);
      drawTable(
        doc,
        [
          { header: 'Question', share: 0.2 },
          { header: 'Answer', share: 0.28 },
          { header: 'What would close the gap', share: 0.52 },
        ],
        score.conditions.map((c) => [c.questionId, c.answer, c.fix]),
      );
    }
  } else doc.paragraph('The answers have not been scored yet.', { colour: colours.muted });

  doc.heading('Decision', 2);
  const decision = data.decision;
  if (decision) {
    doc.keyValues([
      ['Outcome', inWords(decision.outcome)],
      ['Conditions', decision.conditions ?? 'None'],
      ['Rationale', decision.rationale],
      ['Vendor tier', inWords(decision.tier)],
      ['Residual risk tier', inWords(decision.residualTier)],
      ['Next review', day(decision.nextReviewOn)],
      ['Signed off by', decision.decidedBy ?? 'a former member of staff'],
      ['Signed off on', when(decision.decidedAt)],
    ]);
  } else doc.paragraph('No decision has been taken on this assessment yet.', { colour: colours.muted });

  doc.heading('Findings', 2);
  const shown = data.findings;
  if (shown.length === 0) doc.paragraph('No open or accepted findings.', { colour: colours.muted });
  else
    drawTable(
      doc,
      [
        { header: 'Finding', share: 0.38 },
        { header: 'Question', share: 0.13 },
        { header: 'Severity', share: 0.1 },
        { header: 'Status', share: 0.12 },
        { header: 'Owner / due', share: 0.13 },
        { header: 'Accepted because', share: 0.14 },
      ],
      shown.map((f) => [
        f.title,
        f.questionId ?? '—',
        inWords(f.severity),
        inWords(f.status),
        `${f.owner ?? 'unassigned'}${f.dueOn ? `, due ${f.dueOn}` : ''}`,
        f.acceptedReason ? `${f.acceptedReason}${f.acceptedBy ? ` (${f.acceptedBy})` : ''}` : '—',
      ]),
    );
}

function risk(doc: ReportDocument, data: AssessmentReportData): void {
  const score = data.score;
  doc.heading('Inherent and residual risk');
  if (!score) {
    doc.paragraph('No score yet.', { colour: colours.muted });
    return;
  }
  doc.keyValues([
    [
      'Inherent risk',
      `${score.inherent.score} (${inWords(score.inherent.tier)}): the risk of the use before any answer`,
    ],
    [
      'Residual risk',
      score.residual.overall === null
        ? 'not scored'
        : `${score.residual.overall} (${inWords(score.residualTier)}): what the answers leave, 0 best, 100 worst`,
    ],
  ]);
  drawTable(
    doc,
    [
      { header: 'Inherent risk factor', share: 0.3 },
      { header: 'Value', share: 0.4 },
      { header: 'Points', share: 0.12 },
      { header: 'Source', share: 0.18 },
    ],
    score.inherent.factors.map((f) => [inWords(f.factor), f.value, String(f.points), inWords(f.source)]),
  );
  const titles = new Map(data.sections.map((s) => [s.id, s.title]));
  // A section the vendor was not asked (its condition hid it) has no title here and no score.
  const bars = Object.entries(score.residual.bySection)
    .filter(([id, value]) => titles.has(id) || value !== null)
    .map(([id, value]) => ({ label: titles.get(id) ?? id, value }));
  // The heading stays with its chart.
  doc.ensure(bars.length * 15 + 60);
  doc.heading('Residual risk by section', 2);
  drawBarChart(doc, bars, score.thresholds);
  if (score.knockOuts.length > 0) {
    doc.heading('Knock-outs', 2);
    for (const k of score.knockOuts)
      doc.paragraph(`• ${k.questionId}: ${k.answerLabel}. ${k.reason}`, { size: 9.5 });
  }
}

function crosswalkTable(doc: ReportDocument, data: AssessmentReportData): void {
  doc.newPage();
  doc.heading('Crosswalk to standards and laws');
  doc.paragraph('Which questions and answers give evidence for which clause, article or control.', {
    size: 9,
    colour: colours.muted,
  });
  drawTable(
    doc,
    [
      { header: 'Framework', share: 0.17 },
      { header: 'Clause', share: 0.1 },
      { header: 'What it asks', share: 0.28 },
      { header: 'Questions and answers', share: 0.45 },
    ],
    data.crosswalk.map((e) => [
      e.framework,
      e.item,
      e.description ?? '',
      e.questions.map((q) => `${q.id}: ${crosswalkAnswer(q.answer)}`).join('\n'),
    ]),
  );
}

/** Room for a one-line answer in the crosswalk's column; a longer one is printed in full under Answers. */
const CROSSWALK_ANSWER_CHARS = 90;

/**
 * The crosswalk names the answer so a reader sees which way it points, but a long answer that speaks to
 * several clauses would otherwise be printed once per clause, pages of the same paragraph.
 */
function crosswalkAnswer(answer: string | null | undefined): string {
  if (!answer) return 'not answered';
  const oneLine = answer.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= CROSSWALK_ANSWER_CHARS) return oneLine;
  const cut = oneLine.slice(0, CROSSWALK_ANSWER_CHARS);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > 40 ? cut.slice(0, atWord) : cut).trimEnd()}… (in full under Answers)`;
}

function evidenceTable(doc: ReportDocument, data: AssessmentReportData): void {
  doc.heading('Evidence');
  if (data.evidence.length === 0) {
    doc.paragraph('No evidence files were uploaded.', { colour: colours.muted });
    return;
  }
  drawTable(
    doc,
    [
      { header: 'File', share: 0.2 },
      { header: 'Type, size', share: 0.13 },
      { header: 'SHA-256', share: 0.25 },
      { header: 'Question', share: 0.1 },
      { header: 'Uploaded by', share: 0.12 },
      { header: 'Verified by', share: 0.12 },
      { header: 'Expires', share: 0.08 },
    ],
    data.evidence.map((e) => [
      e.fileName,
      `${e.mediaType}, ${formatSize(e.sizeBytes)}`,
      e.sha256,
      e.questionId,
      `${e.uploadedBy ?? 'the vendor'}, ${day(e.uploadedAt)}`,
      e.verifiedBy ? `${e.verifiedBy}, ${day(e.verifiedAt)}` : 'not verified',
      e.expiresOn ?? '—',
    ]),
    7.5,
  );
}
