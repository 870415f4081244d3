import type { Section } from '../template-schema';

/**
 * The vendor's own declarations about the service. Our intended use, data, users and decisions are
 * not asked here: the organisation states them in its use context, which the vendor sees read-only.
 * These answers can switch more questions on, never fewer.
 */
export const profileSectionV2: Section = {
  id: 'profile',
  title: 'About your service and your role',
  description:
    'Your own declarations about the service. How we intend to use it is shown above, as context; these answers can add questions for our use, never remove them.',
  questions: [
    {
      id: 'profile.ai_act_role',
      type: 'multiple_choice',
      text: 'Which role or roles do you, the vendor, have under the EU AI Act for this service?',
      required: true,
      allowNotApplicable: false,
      weight: 0,
      options: [
        { value: 'system_provider', label: 'We provide the AI system under our own name or trademark' },
        { value: 'model_provider', label: 'We also provide the general-purpose AI model it is built on' },
        { value: 'distributor', label: "We distribute or resell another company's AI system" },
        { value: 'importer', label: 'We import into the EU an AI system made by a company outside it' },
        { value: 'not_sure', label: 'We have not determined our role', exclusive: true, unknown: true },
      ],
      tags: { iso42001: ['A.10.2'], euAiAct: ['Art. 3', 'Art. 25'] },
    },
    {
      id: 'profile.gpai_model',
      type: 'multiple_choice',
      text: 'Is the service built on a general-purpose AI model, that is a model trained on broad data that can carry out a wide range of distinct tasks?',
      help: 'A general-purpose model is a component; the service built on it is an AI system with a class of its own.',
      required: true,
      allowNotApplicable: false,
      weight: 0,
      options: [
        { value: 'own', label: 'Yes, a model we provide ourselves' },
        { value: 'third_party', label: 'Yes, a model another company provides' },
        { value: 'none', label: 'No', exclusive: true },
        { value: 'unknown', label: 'We cannot say', exclusive: true, unknown: true },
      ],
      tags: { iso42001: ['A.4.4', 'A.10.3'], euAiAct: ['Art. 3(63)', 'Art. 3(66)', 'Art. 25'] },
    },
    {
      id: 'profile.ai_act_class',
      type: 'single_choice',
      text: 'Under the EU AI Act, how do you classify the service for the purposes you offer it for?',
      help: 'If more than one fits, choose the class with the most obligations. Prohibited practices are asked about separately. Our own classification of our use stands beside yours; yours can add duties, never remove them.',
      required: true,
      allowNotApplicable: false,
      weight: 0,
      inherentFactor: 'ai_act_class',
      options: [
        { value: 'high_risk', label: 'High-risk AI system (Art. 6 and Annex III, or a regulated product)' },
        { value: 'limited', label: 'Subject to transparency duties only (Art. 50)' },
        { value: 'minimal', label: 'Minimal risk, no specific duties' },
        { value: 'unknown', label: 'We have not classified it', unknown: true },
      ],
      tags: {
        iso42001: ['A.10.2', 'A.10.3'],
        iso42001Vendor: ['A.5.2'],
        euAiAct: ['Art. 6', 'Art. 50'],
      },
    },
  ],
};
