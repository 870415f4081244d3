import type { z } from 'zod';

const formatNames: Record<string, string> = {
  url: 'Give a web address such as https://example.com',
  email: 'Give an email address such as name@example.com',
};

/**
 * How a form says what a field needs when the contract gives no message of its own: in words a person
 * reads next to the field ("At most 120 characters"), where zod's default is written for developers
 * ("Too big: expected string to have <=120 characters"). A message the schema sets always wins.
 */
export function formErrorMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Fill this in' : `At least ${issue.minimum} characters`;
      }
      if (issue.origin === 'number') return `At least ${issue.minimum}`;
      if (issue.origin === 'array') return `Give at least ${issue.minimum}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${issue.maximum} characters`;
      if (issue.origin === 'number') return `At most ${issue.maximum}`;
      if (issue.origin === 'array') return `At most ${issue.maximum} items`;
      return undefined;
    case 'invalid_type':
      if (issue.expected === 'int') return 'Give a whole number';
      if (issue.expected === 'number') return 'Give a number';
      return undefined;
    case 'invalid_format':
      return formatNames[issue.format];
    case 'invalid_value':
      return 'Choose one of the options';
    default:
      return undefined;
  }
}
