import type { Section } from '../template-schema';
import { isHighRisk, providesGeneralPurposeModel } from './v2-conditions';

export const incidentsSectionV2: Section = {
  id: 'incidents',
  title: 'Incidents',
  description: 'How you handle and tell us about things going wrong, including AI-specific failures.',
  questions: [
    {
      id: 'inc.process',
      type: 'yes_no',
      text: 'Do you have a written process for AI-specific incidents, such as harmful outputs, data leaking through responses or a model behaving unexpectedly?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      evidence: { requested: true, label: 'Incident response procedure or a summary' },
      tags: {
        iso42001: ['A.10.3'],
        iso42001Vendor: ['A.8.4'],
        nis2: ['Art. 21(2)(b)'],
        iso27001: ['A.5.24', 'A.5.25', 'A.5.26'],
      },
    },
    {
      id: 'inc.customer_notice',
      type: 'single_choice',
      text: 'How soon will you tell us about an incident that affects our data or the outputs we rely on?',
      required: true,
      allowNotApplicable: false,
      weight: 3,
      options: [
        { value: 'within_24h', label: 'Within 24 hours of becoming aware', points: 1 },
        { value: 'within_72h', label: 'Within 72 hours', points: 0.8 },
        { value: 'undue_delay', label: 'Without undue delay, with no fixed deadline', points: 0.4 },
        {
          value: 'no_commitment',
          label: 'We do not commit to notifying customers',
          points: 0,
          knockOut: { reason: 'The vendor will not commit to notifying us of incidents.' },
        },
      ],
      tags: {
        iso42001: ['A.10.3'],
        iso42001Vendor: ['A.8.4'],
        gdpr: ['Art. 28(3)(f)', 'Art. 33(2)'],
        dora: ['Art. 19', 'Art. 30(2)(f)'],
        nis2: ['Art. 23'],
        iso27001: ['A.5.20', 'A.5.24'],
      },
    },
    {
      id: 'inc.authority_reporting',
      type: 'yes_no',
      text: 'Do you have a procedure for reporting serious incidents to the market surveillance authorities or the EU AI Office when the EU AI Act requires it?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      condition: { any: [isHighRisk, providesGeneralPurposeModel] },
      tags: { iso42001: ['A.10.3'], iso42001Vendor: ['A.8.4', 'A.8.5'], euAiAct: ['Art. 55', 'Art. 73'] },
    },
    {
      id: 'inc.output_reports',
      type: 'yes_no',
      text: 'Can our staff report a harmful or wrong output to you through a defined channel, and will you tell us what you did about it?',
      required: true,
      allowNotApplicable: false,
      weight: 1,
      tags: { iso42001: ['A.10.3'], iso42001Vendor: ['A.8.3', 'A.10.4'], euAiAct: ['Art. 26'] },
    },
  ],
};
