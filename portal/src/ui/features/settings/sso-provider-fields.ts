import { type SsoRoleRule, ssoRoleRuleSchema } from '@sightline/shared/auth/sso-api';
import { z } from 'zod';
import { formErrorMessage } from '../../lib/form-error-messages';

/**
 * The group mapping typed as lines "group = role", in the order the rules apply. The role is after
 * the last "=", so a group name may hold one (Keycloak paths, Entra ID object ids do not, but some do).
 */
export const roleRulesText = z.string().transform((text, ctx) => {
  const rules: SsoRoleRule[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.lastIndexOf('=');
    const parsed = ssoRoleRuleSchema.safeParse(
      { group: line.slice(0, Math.max(at, 0)).trim(), role: line.slice(at + 1).trim() },
      { error: formErrorMessage },
    );
    if (at > 0 && parsed.success) rules.push(parsed.data);
    else
      ctx.addIssue({
        code: 'custom',
        message: `"${line}": write it as group = role (admin, procurement, reviewer, approver, auditor or viewer)`,
      });
  }
  return rules;
});

export function roleRulesAsText(rules: readonly SsoRoleRule[]): string {
  return rules.map((r) => `${r.group} = ${r.role}`).join('\n');
}
