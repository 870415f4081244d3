import type { Section } from '../template-schema';
import { decidesAboutPeople, involvesPersonalData } from './v2-conditions';

/** GDPR questions: shown where our use involves personal data (or we have not said whether it does). */
export const gdprQuestions: Section['questions'] = [
  {
    id: 'reg.processor_terms',
    type: 'single_choice',
    text: 'Will you sign data processing terms with us that meet GDPR Art. 28?',
    required: true,
    allowNotApplicable: false,
    weight: 3,
    condition: involvesPersonalData,
    evidence: { requested: true, label: 'Your data processing agreement' },
    options: [
      { value: 'standard_dpa', label: 'Yes, our standard agreement meets Art. 28', points: 1 },
      { value: 'negotiable', label: 'Yes, we will agree terms with you', points: 1 },
      {
        value: 'no',
        label: 'No',
        points: 0,
        knockOut: { reason: 'Personal data would be processed without GDPR Art. 28 processor terms.' },
      },
    ],
    tags: {
      iso42001: ['A.10.2', 'A.10.3'],
      gdpr: ['Art. 28', 'Art. 28(3)'],
      dora: ['Art. 30(2)(c)'],
      iso27001: ['A.5.20', 'A.5.34'],
    },
  },
  {
    id: 'reg.controller_purposes',
    type: 'yes_no',
    text: 'Do you use any of our personal data for your own purposes, for example product improvement or analytics, beyond providing the service to us?',
    required: true,
    allowNotApplicable: false,
    weight: 2,
    condition: involvesPersonalData,
    options: [
      { value: 'yes', label: 'Yes', points: 0.3 },
      { value: 'no', label: 'No', points: 1 },
    ],
    tags: { iso42001: ['A.10.2', 'A.10.3'], gdpr: ['Art. 28(3)(a)', 'Art. 28(10)'] },
  },
  {
    id: 'reg.data_subject_rights',
    type: 'single_choice',
    text: 'Will you help us answer people who exercise their data protection rights, including erasing a person’s data from indexes and from models adapted with it?',
    required: true,
    allowNotApplicable: false,
    weight: 2,
    condition: involvesPersonalData,
    options: [
      {
        value: 'full',
        label: 'Yes, including erasure from indexes and from models adapted with the data',
        points: 1,
      },
      {
        value: 'stored_only',
        label: 'Yes for stored data, but not for models already trained or adapted with it',
        points: 0.5,
      },
      { value: 'no', label: 'No', points: 0 },
    ],
    tags: { iso42001: ['A.10.3'], gdpr: ['Art. 17', 'Art. 28(3)(e)'] },
  },
  {
    id: 'reg.automated_decisions',
    type: 'yes_no',
    text: 'Where the service decides about a person, can a human review the decision, can the person contest it, and can the main factors be explained to them?',
    required: true,
    allowNotApplicable: false,
    weight: 2,
    condition: { all: [decidesAboutPeople, involvesPersonalData] },
    tags: { iso42001: ['A.5.4', 'A.9.4', 'A.10.3'], euAiAct: ['Art. 86'], gdpr: ['Art. 22'] },
  },
  {
    id: 'reg.dpia_support',
    type: 'yes_no',
    text: 'Will you give us what we need for a data protection impact assessment: data flows, purposes, risks and the safeguards you apply?',
    required: true,
    allowNotApplicable: false,
    weight: 1,
    condition: involvesPersonalData,
    tags: {
      iso42001: ['A.5.2', 'A.5.4', 'A.10.3'],
      euAiAct: ['Art. 26'],
      gdpr: ['Art. 28(3)(f)', 'Art. 35'],
    },
  },
];
