import type { Page } from '@playwright/test';
import { expect } from './loop-timing';

/**
 * On an AI system's inventory page, the supplier's card of a bought service: the supplier's name and
 * tier, and who does what (A.10.2).
 */
export async function expectSupplierOfABoughtService(page: Page, vendorName: string, tier: string) {
  const supplier = page.getByTestId('supplier');
  await expect(supplier.getByRole('heading', { level: 3 })).toHaveText(`${vendorName} ${tier} risk`);
  const responsibilities = supplier.getByRole('table', { name: 'Responsibilities (A.10.2)' });
  for (const activity of [
    'Providing data',
    'Developing or fine-tuning the model',
    'Ensuring human oversight',
  ])
    await expect(responsibilities.getByRole('rowheader', { name: activity })).toBeVisible();
  await expect(responsibilities.getByRole('row')).toHaveCount(8);
  // A bought service: the supplier develops the model, the organisation provides its own data.
  await expect(
    responsibilities.getByRole('combobox', { name: 'Developing or fine-tuning the model: who' }),
  ).toHaveValue('supplier');
  await expect(responsibilities.getByRole('combobox', { name: 'Providing data: who' })).toHaveValue(
    'organisation',
  );
}
