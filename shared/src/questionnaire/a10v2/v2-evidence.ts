import type { Section } from '../template-schema';

/**
 * Documents that back the answers; the certificates asked for earlier are uploaded beside those
 * questions. An upload-only question with nothing uploaded gives no assurance (it counts, at 0).
 */
export const evidenceSectionV2: Section = {
  id: 'evidence',
  title: 'Evidence',
  description:
    'Documents that support your answers. Standard questionnaires you have already completed are welcome.',
  questions: [
    {
      id: 'evd.trust_centre',
      type: 'text',
      text: 'If you run a trust centre or security page, give its address.',
      help: 'Choose not applicable if you have none.',
      required: false,
      allowNotApplicable: true,
      weight: 0,
      tags: { iso42001: ['A.10.3'], iso42001Vendor: ['A.8.5'] },
    },
    {
      id: 'evd.standard_questionnaire',
      type: 'file',
      text: 'Upload a completed standard AI or security questionnaire if you have one, for example the CSA AI-CAIQ or a SIG.',
      required: false,
      allowNotApplicable: false,
      weight: 2,
      evidence: { requested: true, label: 'Completed CSA AI-CAIQ, SIG or similar' },
      tags: { iso42001: ['A.10.3'], iso27001: ['A.5.19'] },
    },
    {
      id: 'evd.pen_test',
      type: 'file',
      text: 'Upload the summary of your latest independent penetration test, if it covers the AI features of the service.',
      required: false,
      allowNotApplicable: false,
      weight: 1,
      evidence: { requested: true, label: 'Penetration test summary' },
      tags: {
        iso42001: ['A.10.3'],
        euAiAct: ['Art. 15'],
        nis2: ['Art. 21(2)(e)'],
        iso27001: ['A.8.29'],
      },
    },
    {
      id: 'evd.other_certificates',
      type: 'file',
      text: 'Upload any other certificates that cover the service, for example ISO/IEC 27701, ISO/IEC 27017 or CSA STAR.',
      required: false,
      allowNotApplicable: false,
      weight: 1,
      evidence: { requested: true, label: 'Certificates', certificateExpiry: true },
      tags: { iso42001: ['A.10.3'], iso27001: ['A.5.19', 'A.5.23'] },
    },
    {
      id: 'evd.last_external_audit',
      type: 'date',
      text: 'On what date did your most recent external security or AI audit finish? Leave it blank if you have had none.',
      required: false,
      allowNotApplicable: false,
      weight: 0,
      tags: { iso42001: ['A.10.3'] },
    },
    {
      id: 'evd.attestation',
      type: 'yes_no',
      text: 'Do you confirm that these answers are accurate and complete to the best of your knowledge, and that you will tell us if they change materially?',
      required: true,
      allowNotApplicable: false,
      weight: 1,
      tags: { iso42001: ['A.10.3'] },
    },
  ],
};
