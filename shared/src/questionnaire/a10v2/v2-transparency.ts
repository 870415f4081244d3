import type { Section } from '../template-schema';
import { affectsPeople } from './v2-conditions';

export const transparencySectionV2: Section = {
  id: 'transparency',
  title: 'Transparency documentation',
  description: 'What you tell customers about what the service is for and where it falls short.',
  questions: [
    {
      id: 'doc.system_card',
      type: 'yes_no',
      text: 'Do you publish a model or system card for the service: its purpose, the models behind it, the kinds of training data, and evaluation results?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      evidence: { requested: true, label: 'Model or system card, or a link to it' },
      tags: {
        iso42001: ['A.10.3'],
        iso42001Vendor: ['A.6.2.7', 'A.8.2', 'A.10.4'],
        euAiAct: ['Art. 13'],
      },
    },
    {
      id: 'doc.instructions',
      type: 'yes_no',
      text: 'Do you provide guidance on what the service is meant for, what it should not be used for, and how to configure it safely?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      evidence: { requested: true, label: 'User or administrator guidance' },
      tags: { iso42001: ['A.9.4', 'A.10.3'], iso42001Vendor: ['A.8.2', 'A.10.4'], euAiAct: ['Art. 13'] },
    },
    {
      id: 'doc.limitations',
      type: 'yes_no',
      text: 'Do you document known limitations and typical failures, such as invented facts, weaker results for some languages or groups, or out-of-date knowledge?',
      help: 'Put a link to the document in the comment.',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      tags: { iso42001: ['A.9.4', 'A.10.3'], iso42001Vendor: ['A.8.2', 'A.10.4'], euAiAct: ['Art. 13'] },
    },
    {
      id: 'doc.explanations',
      type: 'yes_no',
      text: 'For an output that affects a person, can the service show the main reasons or sources behind it?',
      required: true,
      allowNotApplicable: false,
      weight: 1,
      condition: affectsPeople,
      tags: {
        iso42001: ['A.10.3'],
        iso42001Vendor: ['A.8.2', 'A.10.4'],
        euAiAct: ['Art. 13', 'Art. 86'],
        gdpr: ['Art. 22'],
      },
    },
  ],
};
