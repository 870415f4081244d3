import { contractSection } from './a10/a10-contract';
import { evaluationSection } from './a10/a10-evaluation';
import { evidenceSection } from './a10/a10-evidence';
import { governanceSection } from './a10/a10-governance';
import { incidentsSection } from './a10/a10-incidents';
import { oversightSection } from './a10/a10-oversight';
import { profileSection } from './a10/a10-profile';
import { provenanceSection } from './a10/a10-provenance';
import { regulatorySection } from './a10/a10-regulatory';
import { retentionSection } from './a10/a10-retention';
import { securitySection } from './a10/a10-security';
import { trainingSection } from './a10/a10-training';
import { transparencySection } from './a10/a10-transparency';
import type { Template } from './template-schema';

export const A10_TEMPLATE_KEY = 'iso42001-a10';

/**
 * The shipped template. Questions are written for Sightline; they paraphrase no standard or
 * industry questionnaire. Assessments snapshot it when sent, so a v2 must be a new object with a new
 * version, never an edit of this one.
 */
export const a10TemplateV1: Template = {
  key: A10_TEMPLATE_KEY,
  version: 1,
  title: 'ISO/IEC 42001 A.10 AI supplier assessment',
  description:
    'Due diligence on a supplier of an AI service, following ISO/IEC 42001 Annex A.10 (third-party and customer relationships), with crosswalks to the EU AI Act, GDPR, DORA, NIS2 and ISO/IEC 27001.',
  sections: [
    profileSection,
    provenanceSection,
    trainingSection,
    retentionSection,
    regulatorySection,
    governanceSection,
    transparencySection,
    evaluationSection,
    securitySection,
    oversightSection,
    incidentsSection,
    contractSection,
    evidenceSection,
  ],
};
