import type { Section } from '../template-schema';
import { affectsPeople, isHighRisk } from './v2-conditions';

export const oversightSectionV2: Section = {
  id: 'oversight',
  title: 'Human oversight',
  description: 'How people stay in control of outputs that affect individuals.',
  condition: { any: [affectsPeople, isHighRisk] },
  questions: [
    {
      id: 'ovs.review',
      type: 'yes_no',
      text: 'Can a person check an output before it takes effect on an individual?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      tags: {
        iso42001: ['A.9.4', 'A.10.3'],
        iso42001Vendor: ['A.10.4'],
        euAiAct: ['Art. 14', 'Art. 26'],
        gdpr: ['Art. 22'],
      },
    },
    {
      id: 'ovs.override',
      type: 'yes_no',
      text: "Can that person change or reject the output, with their decision taking precedence over the system's?",
      required: true,
      allowNotApplicable: false,
      weight: 2,
      tags: { iso42001: ['A.9.3', 'A.9.4', 'A.10.3'], euAiAct: ['Art. 14'], gdpr: ['Art. 22'] },
    },
    {
      id: 'ovs.stop',
      type: 'yes_no',
      text: 'Can we pause or switch off the features that affect people without shutting down the rest of the service?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      tags: { iso42001: ['A.6.2.6', 'A.9.4', 'A.10.3'], euAiAct: ['Art. 14'] },
    },
    {
      id: 'ovs.reviewer_support',
      type: 'yes_no',
      text: 'Do you help our reviewers interpret outputs and avoid leaning on them too heavily, for example with confidence indicators, flags for weak cases, or guidance?',
      required: true,
      allowNotApplicable: false,
      weight: 1,
      tags: {
        iso42001: ['A.9.4', 'A.10.3'],
        iso42001Vendor: ['A.8.2'],
        euAiAct: ['Art. 4', 'Art. 14'],
      },
    },
  ],
};
