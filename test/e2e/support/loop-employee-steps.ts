import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './extension-browser';

/** On the extension's warning page: asks for access to the service, for internal documents. */
export async function askForAccess(page: Page) {
  const form = page.getByRole('form', { name: 'Request access' });
  await form.getByLabel('Why do you need it?').fill('Our French support team needs a French-first model');
  await form.getByLabel('What will you use it for?').fill('Drafting replies from internal help articles');
  await form.getByLabel('Internal documents').check();
  await form.getByRole('button', { name: 'Send request' }).click();
}

/** The extension's popup as it shows for a page at `siteUrl`, opened as a tab of popup size. */
export async function openPopupFor(extension: ExtensionBrowser, siteUrl: string): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.goto(extension.extensionUrl(`/popup.html?url=${encodeURIComponent(siteUrl)}`));
  return popup;
}
