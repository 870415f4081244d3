import { type UseContext, useContextSchema } from '@sightline/shared/questionnaire/use-context';

/**
 * The assessment's stored use context, as visibility, progress and scoring read it. A value that no
 * longer parses counts as no context: every use-context condition is then unknown and shows its
 * questions, so a bad row asks the vendor more, never less.
 */
export function storedUseContext(stored: unknown): UseContext | undefined {
  const parsed = useContextSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : undefined;
}
