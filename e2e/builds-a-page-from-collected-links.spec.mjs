// The page over a folder that `parallax collect` filled from the loopback test server
// (crates/parallax-cli/tests/collect.rs, pages in crates/parallax-cli/tests/fixtures/collect-site):
// the list shows every article's outlet and date, and the reader links each collected article to
// the address it was fetched from.
import { test, expect, ready } from './helpers.mjs';
import { COLLECT } from './playwright.config.mjs';

// (id, outlet, date, path the article was fetched from)
const COLLECTED = [
  ['corran-post_corran-dockers-walk-out-as-pay-talks-collapse-2', 'Corran Post', '2026-05-04', '/news/dockers-strike'],
  ['reuters_port-strike-spreads-to-corran-rail-yard', 'Reuters', '2026-05-04', '/plain/wire-story'],
  ['ostrava-ledger_ferry-fares-to-rise-as-corran-strike-drags-on', 'Ostrava Ledger', '2026-05-05', '/go/ferry'],
  ['le-courrier-de-corran_le-port-de-corran-toujours-paralyse', 'Le Courrier de Corran', '2026-05-05', '/fr/greve'],
  ['harbour-daily_night-shift-bonus-at-heart-of-corran-dispute', 'Harbour Daily', '2026-05-05', '/news/night-shifts'],
  ['corran-post_corran-strike-talks-to-resume-with-mediator', 'Corran Post', '2026-05-06', '/news/talks-resume'],
];

test('the list shows every collected article with its outlet and date', async ({ page }) => {
  await page.goto(COLLECT);
  await ready(page);
  // The six collected pages and the article the folder had before.
  await expect(page.getByTestId('article-item')).toHaveCount(7);
  for (const [id, outlet, date] of COLLECTED) {
    const card = page.locator(`[data-testid=article-item][data-id="${id}"]`);
    await expect(card.locator('.card-meta'), id).toContainText(outlet);
    await expect(card.locator(`time[datetime="${date}"]`), id).toHaveCount(1);
    await expect(card.locator('.badge-inferred'), id).toHaveCount(0);
  }
  await expect(page.getByText('Unknown outlet')).toHaveCount(0);
});

test('the reader links each collected article to its address, shown as text, with noopener noreferrer', async ({ page }) => {
  for (const [id, , , path] of COLLECTED) {
    await page.goto(`${COLLECT}/?v=1&doc=${id}`);
    await ready(page);
    const link = page.getByTestId('article-url');
    await expect(link, id).toHaveCount(1);
    const href = await link.getAttribute('href');
    expect(href, id).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${path.replace(/[.]/g, '\\.')}$`));
    await expect(link, id).toHaveText(href);
    await expect(link, id).toHaveAttribute('rel', /noopener/);
    await expect(link, id).toHaveAttribute('rel', /noreferrer/);
  }
  // The article that was in the folder before has no address, so no link.
  await page.goto(`${COLLECT}/?v=1&doc=corran-post_corran-dockers-walk-out-as-pay-talks-collapse`);
  await ready(page);
  await expect(page.locator('#article-title')).toHaveText('A note written by hand');
  await expect(page.getByTestId('article-url')).toHaveCount(0);
});
