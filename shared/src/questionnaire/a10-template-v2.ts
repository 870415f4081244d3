import { A10_TEMPLATE_KEY } from './a10-template-v1';
import { contractSectionV2 } from './a10v2/v2-contract';
import { evaluationSectionV2 } from './a10v2/v2-evaluation';
import { evidenceSectionV2 } from './a10v2/v2-evidence';
import { governanceSectionV2 } from './a10v2/v2-governance';
import { incidentsSectionV2 } from './a10v2/v2-incidents';
import { oversightSectionV2 } from './a10v2/v2-oversight';
import { profileSectionV2 } from './a10v2/v2-profile';
import { provenanceSectionV2 } from './a10v2/v2-provenance';
import { regulatorySectionV2 } from './a10v2/v2-regulatory';
import { retentionSectionV2 } from './a10v2/v2-retention';
import { securitySectionV2 } from './a10v2/v2-security';
import { trainingSectionV2 } from './a10v2/v2-training';
import { transparencySectionV2 } from './a10v2/v2-transparency';
import type { Template } from './template-schema';

/**
 * Version 2 of the shipped template. The organisation states its use (data, decisions about people,
 * autonomy, EU AI Act class, critical functions) in the assessment's use context; the vendor is asked
 * only about the vendor. Conditions read the use context, so the vendor cannot switch a section off.
 * Questions are written for Sightline and paraphrase no standard or industry questionnaire; no EU AI
 * Act application date is shown. Version 1 stays as it was for assessments already sent with it.
 */
export const a10TemplateV2: Template = {
  key: A10_TEMPLATE_KEY,
  version: 2,
  title: 'ISO/IEC 42001 A.10 AI supplier assessment',
  description:
    'Due diligence on a supplier of an AI service, following ISO/IEC 42001 Annex A.10 (third-party and customer relationships), with crosswalks to the EU AI Act, GDPR, DORA, NIS2, the Data Act and ISO/IEC 27001.',
  sections: [
    profileSectionV2,
    provenanceSectionV2,
    trainingSectionV2,
    retentionSectionV2,
    regulatorySectionV2,
    governanceSectionV2,
    transparencySectionV2,
    evaluationSectionV2,
    securitySectionV2,
    oversightSectionV2,
    incidentsSectionV2,
    contractSectionV2,
    evidenceSectionV2,
  ],
};
