import type { TagFramework } from './template-schema';

/**
 * The controls and articles a question may be tagged with, each with a short description in our own
 * words (never the standard's text). A test checks that every tag of the shipped templates names an
 * entry here, so a mistyped or invented reference cannot reach a report.
 *
 * ISO/IEC 42001:2023: clause 8.1 and the 38 Annex A controls. ISO/IEC 27001:2022: the Annex A
 * controls the templates use. Laws: Regulation (EU) 2024/1689 (AI Act), 2016/679 (GDPR), 2022/2554
 * (DORA), 2023/2854 (Data Act), Directive (EU) 2022/2555 (NIS2).
 */
const iso42001: Readonly<Record<string, string>> = {
  '8.1': 'Planning and control of operations, including processes provided from outside',
  'A.2.2': 'A documented policy for AI',
  'A.2.3': 'The AI policy fits the other policies of the organisation',
  'A.2.4': 'The AI policy is reviewed',
  'A.3.2': 'Roles and responsibilities for AI are set',
  'A.3.3': 'People can raise concerns about AI',
  'A.4.2': 'The resources an AI system needs are documented',
  'A.4.3': 'Data resources are documented',
  'A.4.4': 'Tools, including models and components, are documented',
  'A.4.5': 'System and computing resources are documented',
  'A.4.6': 'Human resources and competences are documented',
  'A.5.2': 'A process for assessing the impacts of AI systems',
  'A.5.3': 'Impact assessments are documented',
  'A.5.4': 'Impacts on individuals and groups are assessed',
  'A.5.5': 'Impacts on society are assessed',
  'A.6.1.2': 'Objectives for developing AI responsibly',
  'A.6.1.3': 'Processes for designing and developing AI responsibly',
  'A.6.2.2': 'Requirements for the AI system are specified',
  'A.6.2.3': 'Design and development are documented',
  'A.6.2.4': 'The AI system is verified and validated',
  'A.6.2.5': 'Deployment is planned',
  'A.6.2.6': 'The AI system is operated and monitored',
  'A.6.2.7': 'Technical documentation is available to those who need it',
  'A.6.2.8': 'Event logs are recorded and kept',
  'A.7.2': 'Data for developing and improving AI systems is managed',
  'A.7.3': 'How data is acquired is defined',
  'A.7.4': 'Data quality is defined and checked',
  'A.7.5': 'Where data comes from is recorded',
  'A.7.6': 'How data is prepared is defined',
  'A.8.2': 'Documentation and information for users',
  'A.8.3': 'Interested parties can report adverse impacts',
  'A.8.4': 'Incidents are communicated',
  'A.8.5': 'Duties to inform interested parties, authorities included, are met',
  'A.9.2': 'Processes for using AI systems responsibly',
  'A.9.3': 'Objectives for using AI systems responsibly',
  'A.9.4': 'AI systems are used as intended',
  'A.10.2': 'Responsibilities are allocated between the organisation and third parties',
  'A.10.3': 'Suppliers are chosen, bound and monitored in line with the organisation’s approach to AI',
  'A.10.4': 'Customers’ needs and expectations are considered (when the organisation is the supplier)',
};

const euAiAct: Readonly<Record<string, string>> = {
  'Art. 3': 'Definitions',
  'Art. 3(63)': 'Definition of a general-purpose AI model',
  'Art. 3(66)': 'Definition of a general-purpose AI system',
  'Art. 4': 'AI literacy of staff',
  'Art. 5': 'Prohibited AI practices',
  'Art. 6': 'When an AI system is high-risk',
  'Art. 9': 'Risk management for high-risk systems',
  'Art. 10': 'Data and data governance for high-risk systems',
  'Art. 12': 'Automatic record-keeping in high-risk systems',
  'Art. 13': 'Transparency and instructions for deployers of high-risk systems',
  'Art. 14': 'Human oversight of high-risk systems',
  'Art. 15': 'Accuracy, robustness and cybersecurity of high-risk systems',
  'Art. 15(5)': 'Resilience against AI-specific attacks such as data or model poisoning',
  'Art. 19': 'Providers keep the logs their high-risk systems generate',
  'Art. 22': 'Authorised representatives of providers established outside the EU',
  'Art. 25': 'Responsibilities along the AI value chain',
  'Art. 25(1)': 'When a distributor, importer, deployer or other party becomes the provider',
  'Art. 26': 'Duties of deployers of high-risk systems',
  'Art. 26(6)': 'Deployers keep the logs under their control',
  'Art. 26(8)': 'Public-authority deployers register their use',
  'Art. 27': 'Fundamental rights impact assessment',
  'Art. 43': 'Conformity assessment',
  'Art. 47': 'EU declaration of conformity',
  'Art. 49': 'Registration in the EU database',
  'Art. 50': 'Transparency duties for certain AI systems',
  'Art. 51': 'General-purpose models with systemic risk',
  'Art. 53': 'Duties of providers of general-purpose models',
  'Art. 53(1)(b)': 'Information general-purpose model providers give to those who integrate the model',
  'Art. 53(1)(c)': 'Copyright policy of general-purpose model providers',
  'Art. 54': 'Authorised representatives of general-purpose model providers outside the EU',
  'Art. 55': 'Extra duties for general-purpose models with systemic risk',
  'Art. 72': 'Post-market monitoring',
  'Art. 73': 'Reporting serious incidents',
  'Art. 86': 'Right to an explanation of individual decisions',
};

const gdpr: Readonly<Record<string, string>> = {
  'Art. 5(1)(e)': 'Storage limitation',
  'Art. 9': 'Special categories of personal data',
  'Art. 17': 'Right to erasure',
  'Art. 20': 'Right to data portability',
  'Art. 22': 'Automated individual decisions',
  'Art. 28': 'Processors',
  'Art. 28(2)': 'Sub-processors only with the controller’s authorisation',
  'Art. 28(3)': 'The processing contract',
  'Art. 28(3)(a)': 'Processing only on documented instructions, transfers included',
  'Art. 28(3)(c)': 'The processor takes the security measures of Art. 32',
  'Art. 28(3)(d)': 'Conditions for engaging sub-processors',
  'Art. 28(3)(e)': 'The processor helps with data subjects’ rights',
  'Art. 28(3)(f)': 'The processor helps with security, breach notification and impact assessments',
  'Art. 28(3)(g)': 'Deletion or return of personal data when the service ends',
  'Art. 28(3)(h)': 'Information and audits for the controller',
  'Art. 28(4)': 'Sub-processors bound by the same duties',
  'Art. 28(10)': 'A processor deciding purposes becomes a controller',
  'Art. 32': 'Security of processing',
  'Art. 33': 'Notifying personal data breaches',
  'Art. 33(2)': 'The processor tells the controller of a breach without undue delay',
  'Art. 35': 'Data protection impact assessment',
  'Art. 44': 'General principle for transfers outside the EEA',
  'Art. 45': 'Transfers on the basis of an adequacy decision',
  'Art. 46': 'Transfers subject to appropriate safeguards',
  'Art. 47': 'Binding corporate rules',
  'Art. 48': 'Orders of authorities outside the EU',
  'Art. 49': 'Derogations for specific situations',
};

const dora: Readonly<Record<string, string>> = {
  'Art. 19': 'Reporting major ICT-related incidents',
  'Art. 28': 'Managing ICT third-party risk',
  'Art. 28(7)': 'Rights to terminate ICT contracts',
  'Art. 28(8)': 'Exit strategies for ICT services supporting critical or important functions',
  'Art. 29': 'Concentration risk and sub-contracting chains',
  'Art. 30': 'Key contractual provisions',
  'Art. 30(2)(a)': 'Description of the functions and services provided',
  'Art. 30(2)(b)': 'Where services are provided and data is processed',
  'Art. 30(2)(c)': 'Protection of data, personal data included',
  'Art. 30(2)(d)': 'Access to and return of data at the end of the service',
  'Art. 30(2)(e)': 'Service level descriptions',
  'Art. 30(2)(f)': 'Help when an incident occurs',
  'Art. 30(3)(b)': 'Notice periods and reporting duties (critical or important functions)',
  'Art. 30(3)(c)': 'Business contingency plans and security measures (critical or important functions)',
  'Art. 30(3)(e)': 'Unrestricted access, inspection and audit (critical or important functions)',
  'Art. 30(3)(f)': 'Exit strategies with a transition period (critical or important functions)',
};

const nis2: Readonly<Record<string, string>> = {
  'Art. 21(2)(b)': 'Incident handling',
  'Art. 21(2)(c)': 'Business continuity',
  'Art. 21(2)(d)': 'Supply chain security',
  'Art. 21(2)(e)':
    'Security in acquiring, developing and maintaining systems, vulnerability handling included',
  'Art. 21(2)(h)': 'Cryptography and encryption',
  'Art. 21(2)(j)': 'Multi-factor authentication',
  'Art. 23': 'Reporting duties for significant incidents',
};

const dataAct: Readonly<Record<string, string>> = {
  'Art. 23': 'Removing obstacles to switching data processing services',
  'Art. 25': 'Contract terms on switching',
  'Art. 32': 'Governmental access from outside the EU to non-personal data',
};

const iso27001: Readonly<Record<string, string>> = {
  'A.5.15': 'Access control',
  'A.5.19': 'Security in supplier relationships',
  'A.5.20': 'Security in supplier agreements',
  'A.5.21': 'Security in the ICT supply chain',
  'A.5.22': 'Monitoring and changes of supplier services',
  'A.5.23': 'Security of cloud services',
  'A.5.24': 'Planning and preparing incident management',
  'A.5.25': 'Assessing security events',
  'A.5.26': 'Responding to security incidents',
  'A.5.30': 'ICT readiness for business continuity',
  'A.5.34': 'Privacy and protection of personal data',
  'A.8.5': 'Secure authentication',
  'A.8.8': 'Technical vulnerabilities',
  'A.8.10': 'Deleting information',
  'A.8.11': 'Masking data',
  'A.8.15': 'Logging',
  'A.8.24': 'Use of cryptography',
  'A.8.25': 'Secure development life cycle',
  'A.8.29': 'Security testing in development and acceptance',
};

export const legalReferences: Readonly<Record<TagFramework, Readonly<Record<string, string>>>> = {
  iso42001,
  iso42001Vendor: iso42001,
  euAiAct,
  gdpr,
  dora,
  nis2,
  dataAct,
  iso27001,
};

/** The description of a reference, or undefined when the list does not know it. */
export function describeReference(framework: TagFramework, item: string): string | undefined {
  const list = legalReferences[framework];
  return Object.hasOwn(list, item) ? list[item] : undefined;
}
