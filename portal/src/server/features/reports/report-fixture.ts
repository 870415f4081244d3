import { DEFAULT_TIER_THRESHOLDS } from '@sightline/shared/scoring/tiers';
import type { AssessmentReportData, ReportQuestion } from './assessment-report-data';

const sectionTitles = [
  'Company and service profile',
  'Data protection and privacy',
  'Model provenance and training data',
  'Security of the service',
  'Human oversight and transparency',
  'Incident handling and continuity',
];

const longAnswer =
  'We keep customer prompts and outputs only for the time needed to provide the service and delete them ' +
  'within 30 days; backups roll over within a further 35 days. Our sub-processors are listed at ' +
  'https://trust.example.com/subprocessors/and-a-very-long-path-that-does-not-break-anywhere-by-itself-at-all ' +
  'and we notify customers 30 days before adding one. Société Générale Ølberg reviewed this in 2026.';

/**
 * A realistic assessment for the report's tests and the bench: 90 questions in six sections, 20
 * evidence files, a Chinese vendor name, an Arabic contact, accented text and long answers.
 */
export function realisticReportData(overrides: Partial<AssessmentReportData> = {}): AssessmentReportData {
  const sections = sectionTitles.map((title, s) => ({
    id: `section_${s + 1}`,
    title,
    questions: Array.from({ length: 15 }, (_, q): ReportQuestion => {
      const n = s * 15 + q + 1;
      return {
        id: `q${String(n).padStart(3, '0')}`,
        text: `Question ${n}: does the vendor document how ${title.toLowerCase()} is handled for this service, and who is responsible for it?`,
        answer:
          n % 7 === 0
            ? longAnswer
            : n % 3 === 0
              ? 'Partly: documented for production, not for staging'
              : 'Yes',
        vendorComment: n % 11 === 0 ? 'Our contact for this is محمد العلي in the Riyadh office.' : null,
        evidenceState: n % 4 === 0 ? 'verified' : n % 5 === 0 ? 'uploaded' : 'not_requested',
        points: n % 3 === 0 ? 0.5 : 1,
        weight: (n % 3) + 1,
        override:
          n === 12
            ? {
                points: 0.75,
                reason: 'The SOC 2 report covers staging too',
                by: 'Renée Åkesson',
                at: '2026-11-20T10:00:00Z',
              }
            : null,
        reviewComments:
          n % 13 === 0
            ? [
                {
                  author: 'Renée Åkesson',
                  text: 'Please attach the policy itself.',
                  at: '2026-11-18T09:00:00Z',
                  resolved: true,
                },
              ]
            : [],
      };
    }),
  }));
  const allQuestions = sections.flatMap((s) => s.questions);
  return {
    generatedAt: '2026-12-06T12:00:00.000Z',
    organisation: 'Ørsted Trading GmbH',
    assessmentId: '6f1c1f3e-2d7a-4b55-9a55-0d3c2f9b8a11',
    vendor: '深度求索 (DeepSeek)',
    service: 'DeepSeek Chat',
    respondent: { name: 'محمد العلي', email: 'm.alali@example.com' },
    template: { title: 'AI vendor due diligence (ISO/IEC 42001 A.10)', version: 2 },
    state: 'decided',
    dates: {
      sent: '2026-11-01T09:00:00.000Z',
      submitted: '2026-11-15T16:30:00.000Z',
      decided: '2026-11-22T11:00:00.000Z',
      due: '2026-11-29',
    },
    digest: 'a3f5c0de9b7e41d2886b1f0c2e4d5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5',
    score: {
      algorithmVersion: '2',
      template: { key: 'a10', version: 2 },
      thresholds: DEFAULT_TIER_THRESHOLDS,
      residual: {
        overall: 31.5,
        bySection: Object.fromEntries(sections.map((s, i) => [s.id, [12, 48, 75, 22, 35, null][i] ?? null])),
      },
      residualTier: 'medium',
      inherent: {
        score: 62,
        tier: 'high',
        factors: [
          { factor: 'data_categories', value: 'Customer data, personal data', points: 30, source: 'both' },
          { factor: 'decisions_about_people', value: 'No', points: 0, source: 'use_context' },
          { factor: 'business_criticality', value: 'High', points: 32, source: 'assumed' },
        ],
      },
      knockOuts: [],
      recommendation: 'approve_with_conditions',
      reasons: [
        'Residual risk 31.5 is in the medium tier.',
        'Model provenance scored weakest: the training data sources are not documented.',
      ],
      breakdown: [],
      conditions: [
        {
          questionId: 'q033',
          sectionId: 'section_3',
          question: 'Training data documented?',
          answer: 'Partly',
          fix: 'Provide the data sheet for the model version in use.',
          contribution: 4.2,
        },
      ],
    },
    decision: {
      outcome: 'approved_with_conditions',
      conditions: 'No personal data in prompts until the data processing agreement is signed.',
      rationale:
        'Useful for drafting; the remaining gaps are covered by the condition and the findings below.',
      tier: 'tier_2',
      residualTier: 'medium',
      nextReviewOn: '2027-11-22',
      decidedBy: 'Zoë Lefèvre',
      decidedAt: '2026-11-22T11:00:00.000Z',
    },
    findings: [
      {
        title: 'Training data sources not documented',
        severity: 'high',
        status: 'open',
        questionId: 'q033',
        dueOn: '2027-02-01',
        owner: 'Zoë Lefèvre',
        acceptedReason: null,
        acceptedBy: null,
      },
      {
        title: 'Staging environment outside the SOC 2 scope',
        severity: 'medium',
        status: 'risk_accepted',
        questionId: 'q012',
        dueOn: null,
        owner: null,
        acceptedReason: 'Staging holds no customer data',
        acceptedBy: 'Zoë Lefèvre',
      },
    ],
    sections,
    crosswalk: [
      ['ISO/IEC 42001 (our controls)', 'A.10.3', 'Suppliers are chosen, bound and monitored'],
      [
        'ISO/IEC 42001 (our controls)',
        'A.10.2',
        'Responsibilities are allocated between the organisation and third parties',
      ],
      ['EU AI Act', 'Art. 26', 'Obligations of deployers of high-risk AI systems'],
      ['GDPR', 'Art. 28', 'Processor'],
      ['DORA', 'Art. 28', 'ICT third-party risk'],
      ['NIS2', 'Art. 21(2)(d)', 'Supply chain security'],
    ].map(([framework, item, description], i) => ({
      framework: framework!,
      item: item!,
      description: description!,
      questions: allQuestions
        .filter((_, n) => n % 6 === i)
        .slice(0, 8)
        .map((q) => ({ id: q.id, answer: q.answer })),
    })),
    evidence: Array.from({ length: 20 }, (_, i) => ({
      fileName: i === 3 ? 'ISO 42001 证书 (2026).pdf' : `evidence-${i + 1}-soc2-type-ii-report.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 120_000 + i * 53_211,
      sha256: `${(i + 10).toString(16).padStart(2, '0')}`.repeat(32),
      questionId: allQuestions[i * 4]!.id,
      uploadedBy: 'محمد العلي',
      uploadedAt: '2026-11-10T10:00:00.000Z',
      verifiedBy: i % 2 === 0 ? 'Renée Åkesson' : null,
      verifiedAt: i % 2 === 0 ? '2026-11-18T10:00:00.000Z' : null,
      expiresOn: i % 5 === 0 ? '2027-06-30' : null,
    })),
    ...overrides,
  };
}
