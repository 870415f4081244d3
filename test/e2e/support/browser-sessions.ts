import type { Browser, BrowserContext, Page } from '@playwright/test';
import { signIn } from './assessment-staff';
import type { StaffMember } from './staff-accounts';

/**
 * The browser contexts a multi-person story opens, closed together at its end: one signed-in page per
 * staff member, each in a context of its own (their own cookies), reused across steps.
 */
export function browserSessions(portalUrl: () => string) {
  const contexts: BrowserContext[] = [];
  const staffPages = new Map<string, Page>();

  async function newContext(browser: Browser): Promise<BrowserContext> {
    const context = await browser.newContext();
    contexts.push(context);
    return context;
  }

  async function staffPage(browser: Browser, person: StaffMember): Promise<Page> {
    const existing = staffPages.get(person.email);
    if (existing) return existing;
    const page = await (await newContext(browser)).newPage();
    await signIn(page, portalUrl(), person.email, person.password);
    staffPages.set(person.email, page);
    return page;
  }

  async function closeAll(): Promise<void> {
    for (const context of contexts) await context.close();
  }

  return { newContext, staffPage, closeAll };
}
