import { parseTemplate, type TemplateError } from './template-schema';

/** The errors a template is rejected with; throws if it was accepted, so a test cannot pass by accident. */
export function errorsOf(input: unknown): TemplateError[] {
  const result = parseTemplate(input);
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.errors;
}
