import type { AccountHint } from '@sightline/shared/usage/event-kinds';

const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/;

/** Where pages show who is signed in: account menus, avatars, profile buttons. Never form fields. */
const ACCOUNT_SELECTORS = [
  '[data-testid*="account" i]',
  '[data-testid*="profile" i]',
  '[data-testid*="user" i]',
  '[aria-label*="account" i]',
  '[aria-label*="profile" i]',
  '[class*="account" i]',
  '[class*="profile" i]',
  '[class*="user-menu" i]',
  '[class*="avatar" i]',
  'header',
  'nav',
];

/** work / personal from the domain of an email, against the org's domains (and their subdomains). */
export function hintForDomain(domain: string, orgDomains: readonly string[]): AccountHint {
  const d = domain.toLowerCase();
  if (orgDomains.length === 0) return 'unknown';
  return orgDomains.some((org) => d === org || d.endsWith(`.${org}`)) ? 'work' : 'personal';
}

/**
 * Looks for a signed-in email in the page's account areas and returns only the hint. The email is
 * read in the page, compared, and dropped: it never leaves this function.
 */
export function findAccountHint(doc: Document, orgDomains: readonly string[]): AccountHint | null {
  for (const el of doc.querySelectorAll(ACCOUNT_SELECTORS.join(','))) {
    if (el.closest('form, [contenteditable="true"], textarea, input')) continue;
    const sources = [
      el.getAttribute('aria-label'),
      el.getAttribute('title'),
      el.getAttribute('data-email'),
      el.textContent?.slice(0, 500),
    ];
    for (const source of sources) {
      const domain = source ? EMAIL.exec(source)?.[1] : undefined;
      if (domain) return hintForDomain(domain, orgDomains);
    }
  }
  return null;
}
