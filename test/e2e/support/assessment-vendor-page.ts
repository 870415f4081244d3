import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Answers every visible, unanswered question on the vendor page the way a person would: the first
 * option of each choice group, some text, a number, a date. Repeats, because answers open sections.
 */
export async function answerVisibleQuestions(page: Page, overrides: Record<string, string> = {}) {
  await page.locator('main section.q-section').first().waitFor();
  for (let round = 0; round < 6; round++) {
    let answered = 0;
    for (const group of await page.locator('main fieldset.choices').all()) {
      if ((await group.locator('input:checked').count()) > 0) continue;
      const first = group.locator('input:not([disabled])').first();
      if ((await first.count()) === 0) continue;
      const id = (await group.getAttribute('id')) ?? '';
      const wanted = overrides[id];
      if (wanted) await group.getByLabel(wanted, { exact: true }).check();
      else await first.check();
      answered += 1;
    }
    for (const field of await page
      .locator('main [id^="q-"]:is(textarea, input[type="text"], input[type="date"])')
      .all()) {
      if ((await field.inputValue()) !== '' || (await field.isDisabled())) continue;
      const id = (await field.getAttribute('id')) ?? '';
      const kind = await field.evaluate((el) => (el instanceof HTMLInputElement ? el.type : 'textarea'));
      await field.fill(
        overrides[id] ??
          (kind === 'date' ? '2027-06-30' : kind === 'text' ? '25' : 'Described in our trust centre.'),
      );
      answered += 1;
    }
    if (answered === 0) return;
  }
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(bad).toEqual([]);
}

/** Nothing wider than the viewport: no sideways scrolling on a phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}
