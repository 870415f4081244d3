import type { Section } from '../template-schema';
import { affectsPeople, isHighRisk } from './v2-conditions';

export const evaluationSectionV2: Section = {
  id: 'evaluation',
  title: 'Evaluation and monitoring',
  description:
    'How you show that the service is accurate, robust and fair, before release and in production.',
  questions: [
    {
      id: 'eval.quality',
      type: 'yes_no',
      text: 'Before each release, do you measure the quality or accuracy of outputs against defined metrics and thresholds?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      evidence: { requested: true, label: 'Recent evaluation report or summary' },
      tags: { iso42001: ['A.10.3'], iso42001Vendor: ['A.6.2.4'], euAiAct: ['Art. 15'] },
    },
    {
      id: 'eval.robustness',
      type: 'yes_no',
      text: 'Do you test how the service behaves with unusual, malformed or deliberately misleading input?',
      required: true,
      allowNotApplicable: false,
      weight: 1,
      tags: { iso42001: ['A.10.3'], iso42001Vendor: ['A.6.2.4'], euAiAct: ['Art. 15'] },
    },
    {
      id: 'eval.fairness',
      type: 'single_choice',
      text: 'Do you check whether the service performs worse, or produces different outcomes, for different groups of people?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      condition: { any: [affectsPeople, isHighRisk] },
      evidence: { requested: true, label: 'Fairness test results' },
      options: [
        { value: 'each_release', label: 'Yes, for every release, and we can share results', points: 1 },
        { value: 'occasionally', label: 'Yes, from time to time', points: 0.5 },
        { value: 'no', label: 'No', points: 0 },
      ],
      tags: {
        iso42001: ['A.5.4', 'A.10.3'],
        iso42001Vendor: ['A.7.4'],
        euAiAct: ['Art. 10', 'Art. 15'],
      },
    },
    {
      id: 'eval.red_team',
      type: 'single_choice',
      text: 'Has anyone tried to make the service misbehave on purpose (red-teaming) in the last 12 months?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      evidence: { requested: true, label: 'Red-team summary' },
      options: [
        { value: 'independent', label: 'Yes, an independent party', points: 1 },
        { value: 'internal', label: 'Yes, our own team', points: 0.7 },
        { value: 'no', label: 'No', points: 0 },
      ],
      tags: { iso42001: ['A.10.3'], iso42001Vendor: ['A.6.2.4'], euAiAct: ['Art. 15', 'Art. 55'] },
    },
    {
      id: 'eval.drift',
      type: 'yes_no',
      text: 'Do you watch the service in production for drops in quality or changes in behaviour, and act when you find them?',
      required: true,
      allowNotApplicable: false,
      weight: 2,
      tags: {
        iso42001: ['A.6.2.6', 'A.10.3'],
        iso42001Vendor: ['A.6.2.6'],
        euAiAct: ['Art. 72'],
        iso27001: ['A.5.22'],
      },
    },
  ],
};
