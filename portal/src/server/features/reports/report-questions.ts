import type { AssessmentReportData, ReportQuestion } from './assessment-report-data';
import { colours, type ReportDocument } from './report-document';
import { day, inWords } from './report-words';

const points = (p: number | null) => (p === null ? 'not scored' : `${Math.round(p * 100)}%`);

/** One question as the lines of its block: question, answer, comment, scoring, override, reviews. */
function questionParts(q: ReportQuestion) {
  const parts: {
    text: string;
    size: number;
    bold?: boolean;
    indent?: number;
    colour?: typeof colours.muted;
  }[] = [
    { text: `${q.id}  ${q.text}`, size: 9.5, bold: true },
    { text: `Answer: ${q.answer ?? 'not answered'}`, size: 9.5, indent: 12 },
  ];
  if (q.vendorComment) parts.push({ text: `Vendor's comment: ${q.vendorComment}`, size: 9, indent: 12 });
  parts.push({
    text: `Evidence: ${inWords(q.evidenceState)} · Points: ${points(q.points)} · Weight: ${q.weight}`,
    size: 8.5,
    indent: 12,
    colour: colours.muted,
  });
  if (q.override)
    parts.push({
      text: `Override: ${Math.round(q.override.points * 100)}% by ${q.override.by} on ${day(q.override.at)}, because ${q.override.reason}`,
      size: 8.5,
      indent: 12,
    });
  for (const c of q.reviewComments)
    parts.push({
      text: `Review comment by ${c.author} on ${day(c.at)}${c.resolved ? ' (resolved)' : ''}: ${c.text}`,
      size: 8.5,
      indent: 12,
    });
  return parts;
}

/** Every question asked, section by section: each kept on one page with its answer and notes. */
export function questions(doc: ReportDocument, data: AssessmentReportData): void {
  doc.heading('Questions and answers');
  for (const section of data.sections) {
    doc.heading(section.title, 2);
    for (const q of section.questions) doc.block(questionParts(q));
  }
}
