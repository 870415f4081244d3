import { z } from 'zod';

export const serviceCategories = [
  'conversational',
  'code-assistant',
  'app-builder',
  'image',
  'video',
  'audio-voice',
  'music',
  'meeting-assistant',
  'writing-assistant',
  'translation',
  'search-research',
  'productivity',
  'agent-automation',
  'model-api',
  'model-hub',
  'ai-browser-extension',
  'other',
] as const;
export const serviceCategorySchema = z.enum(serviceCategories);
export type ServiceCategory = z.infer<typeof serviceCategorySchema>;

export const categoryLabels: Record<ServiceCategory, string> = {
  conversational: 'Conversational assistant',
  'code-assistant': 'Code assistant / AI IDE',
  'app-builder': 'App builder',
  image: 'Image generation',
  video: 'Video generation',
  'audio-voice': 'Audio and voice',
  music: 'Music generation',
  'meeting-assistant': 'Meeting assistant / note taker',
  'writing-assistant': 'Writing assistant',
  translation: 'Translation',
  'search-research': 'AI search and research',
  productivity: 'Productivity and presentations',
  'agent-automation': 'Agents and automation',
  'model-api': 'Model API / inference platform',
  'model-hub': 'Model hub',
  'ai-browser-extension': 'AI browser or extension',
  other: 'Other',
};
