// The assessment report's content as one HTML page, for the benchmark's Chromium side: the same
// sections, tables and chart as the PDF renderer draws, laid out by the browser instead.
import type { AssessmentReportData } from '@sightline/portal/server/features/reports/assessment-report-data';

const escapeHtml = (value: unknown): string =>
  String(value ?? '—').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const table = (headers: string[], rows: unknown[][]) =>
  `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

export function reportHtml(data: AssessmentReportData): string {
  const score = data.score;
  const titles = new Map(data.sections.map((s) => [s.id, s.title]));
  const bars = score
    ? Object.entries(score.residual.bySection)
        .map(
          ([id, v]) =>
            `<div class="bar"><span>${escapeHtml(titles.get(id) ?? id)}</span><i style="width:${v ?? 0}%"></i><b>${escapeHtml(v ?? 'not scored')}</b></div>`,
        )
        .join('')
    : '';
  const questions = data.sections
    .map(
      (s) =>
        `<h2>${escapeHtml(s.title)}</h2>${s.questions
          .map(
            (
              q,
            ) => `<div class="q"><b>${escapeHtml(q.id)} ${escapeHtml(q.text)}</b><p>Answer: ${escapeHtml(q.answer ?? 'not answered')}</p>
${q.vendorComment ? `<p>Vendor's comment: ${escapeHtml(q.vendorComment)}</p>` : ''}
<p class="m">Evidence: ${escapeHtml(q.evidenceState)} · Points: ${escapeHtml(q.points)} · Weight: ${q.weight}</p>
${q.override ? `<p>Override: ${escapeHtml(q.override.points)} by ${escapeHtml(q.override.by)}, because ${escapeHtml(q.override.reason)}</p>` : ''}
${q.reviewComments.map((c) => `<p>Review comment by ${escapeHtml(c.author)}: ${escapeHtml(c.text)}</p>`).join('')}</div>`,
          )
          .join('')}`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:'Noto Sans',sans-serif;font-size:10pt;color:#1a1a1f;margin:0}
h1{color:#1f5499;font-size:15pt}h2{font-size:12pt}
table{width:100%;border-collapse:collapse;font-size:8pt}th{background:#eff2f7;text-align:left}
td,th{padding:3px;border-bottom:0.4pt solid #ccd;vertical-align:top;word-break:break-word}
thead{display:table-header-group}tr{break-inside:avoid}.q{break-inside:avoid;margin-bottom:6pt}.q p{margin:1pt 0 1pt 12pt}
.m{color:#666;font-size:8.5pt}.bar{display:flex;align-items:center;height:15px;font-size:8pt}
.bar span{width:200px}.bar i{display:block;height:10px;background:#d96b1a}.bar b{margin-left:6px;font-weight:normal}
.page{break-after:page}
</style></head><body>
<div class="page"><p>AI vendor assessment report</p><h1 style="font-size:24pt;color:#000">${escapeHtml(data.vendor)}</h1>
<p>${escapeHtml(data.service)}</p>
${table(
  ['Field', 'Value'],
  [
    ['Organisation', data.organisation],
    ['Vendor contact', `${data.respondent.name} <${data.respondent.email}>`],
    ['Questionnaire', `${data.template.title} (version ${data.template.version})`],
    ['Sent', data.dates.sent],
    ['Due', data.dates.due],
    ['Submitted', data.dates.submitted],
    ['Decided', data.dates.decided],
  ],
)}
<p><b>Answers digest (SHA-256)</b><br>${escapeHtml(data.digest)}</p></div>
<h1>Summary</h1><p>Recommendation: ${escapeHtml(score?.recommendation)}</p>
<ul>${(score?.reasons ?? []).map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>
${table(
  ['Question', 'Answer', 'What would close the gap'],
  (score?.conditions ?? []).map((c) => [c.questionId, c.answer, c.fix]),
)}
<h2>Decision</h2>${table(
    ['Field', 'Value'],
    data.decision
      ? [
          ['Outcome', data.decision.outcome],
          ['Conditions', data.decision.conditions],
          ['Rationale', data.decision.rationale],
          ['Tier', data.decision.tier],
          ['Next review', data.decision.nextReviewOn],
          ['Signed off by', data.decision.decidedBy],
          ['Signed off on', data.decision.decidedAt],
        ]
      : [],
  )}
<h2>Findings</h2>${table(
    ['Finding', 'Question', 'Severity', 'Status', 'Owner / due', 'Accepted because'],
    data.findings.map((f) => [
      f.title,
      f.questionId,
      f.severity,
      f.status,
      `${f.owner} ${f.dueOn}`,
      f.acceptedReason,
    ]),
  )}
<h1>Inherent and residual risk</h1>
${table(
  ['Inherent risk factor', 'Value', 'Points', 'Source'],
  (score?.inherent.factors ?? []).map((f) => [f.factor, f.value, f.points, f.source]),
)}
<h2>Residual risk by section</h2>${bars}
<div class="page"></div><h1>Questions and answers</h1>${questions}
<div class="page"></div><h1>Crosswalk to standards and laws</h1>${table(
    ['Framework', 'Clause', 'What it asks', 'Questions and answers'],
    data.crosswalk.map((e) => [
      e.framework,
      e.item,
      e.description,
      e.questions.map((q) => `${q.id}: ${q.answer ?? 'not answered'}`).join('\n'),
    ]),
  )}
<h1>Evidence</h1>${table(
    ['File', 'Type, size', 'SHA-256', 'Question', 'Uploaded by', 'Verified by', 'Expires'],
    data.evidence.map((e) => [
      e.fileName,
      `${e.mediaType}, ${e.sizeBytes}`,
      e.sha256,
      e.questionId,
      e.uploadedBy,
      e.verifiedBy ?? 'not verified',
      e.expiresOn,
    ]),
  )}
</body></html>`;
}
