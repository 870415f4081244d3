import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Adds a vendor from the Vendors page and leaves the browser on its detail page. */
export async function addVendor(page: Page, name: string) {
  await page.getByRole('link', { name: 'Vendors' }).click();
  const form = page.getByRole('form', { name: 'Add a vendor' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
