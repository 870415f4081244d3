import type { CatalogEntry } from './catalog-schema';
import { agentServices } from './data/agents';
import { appBuilderServices } from './data/app-builders';
import { audioVoiceServices, musicServices } from './data/audio-music';
import { aiBrowserAndExtensionServices, otherServices } from './data/browsers-and-other';
import { cloudAiPlatformServices } from './data/cloud-ai-platforms';
import { codeAssistantServices } from './data/code-assistants';
import { conversationalServices } from './data/conversational';
import { imageServices } from './data/image';
import { meetingAssistantServices } from './data/meeting-assistants';
import { modelApiServices, modelHubServices } from './data/model-providers';
import { productivityServices } from './data/productivity';
import { searchResearchServices } from './data/search-research';
import { videoServices } from './data/video';
import { translationServices, writingAssistantServices } from './data/writing-translation';

/**
 * The built-in catalog of AI services, shipped with the extension and served by the portal.
 * Pure data with no zod at run time, so importing it does not pull the schema into a bundle;
 * `catalog.test.ts` validates every entry against `catalogEntrySchema`.
 */
export const builtInCatalog: readonly CatalogEntry[] = [
  ...conversationalServices,
  ...codeAssistantServices,
  ...appBuilderServices,
  ...imageServices,
  ...videoServices,
  ...audioVoiceServices,
  ...musicServices,
  ...meetingAssistantServices,
  ...writingAssistantServices,
  ...translationServices,
  ...searchResearchServices,
  ...productivityServices,
  ...agentServices,
  ...modelApiServices,
  ...cloudAiPlatformServices,
  ...modelHubServices,
  ...aiBrowserAndExtensionServices,
  ...otherServices,
];
