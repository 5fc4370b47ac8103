// Shared test setup: every test fails on a page error or console error.
import { test as base, expect } from '@playwright/test';

export const SEED_IDS = [
  '000_8ab391a8a651fb65',
  '001_9c6dd14e164684d3',
  '002_41439f313bc3004e',
  '003_fa59a08e2227003b',
  '004_9c538ca53b92ee9e',
];

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    await use(page);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});
export { expect };

/** Waits until the app has mounted. */
export async function ready(page) {
  await expect(page.getByTestId('corpus-summary')).toBeVisible();
}

/** On the "Add articles" view: waits until the last change is written to the browser's database. */
export async function kept(page) {
  await expect(page.getByTestId('kept-status')).toHaveAttribute('data-state', 'kept');
}
