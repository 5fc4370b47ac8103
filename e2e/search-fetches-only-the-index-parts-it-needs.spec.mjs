// A corpus kept in static files beside the page (built with PARALLAX_SHARD_FROM=1 and small
// shards, served under a sub-path): the page fetches its head and article parts at start, with a
// loading line; a search fetches only the
// index parts of its words, says so while they load, gives the same results as the embedded
// corpus, and a failed fetch shows a notice with a retry instead of a blank view.
import { test as plain } from '@playwright/test';
import { test, expect, ready } from './helpers.mjs';
import { seriousViolations } from './axe.mjs';
import { SEEDS, SHARDED } from './playwright.config.mjs';

const ids = (page) => page.getByTestId('hit').evaluateAll((hits) => hits.map((h) => h.dataset.id));
const parts = (page) => {
  const asked = [];
  page.on('request', (r) => {
    if (r.url().includes('/corpus/')) asked.push(new URL(r.url()).pathname.split('/').pop());
  });
  return asked;
};

test('a search over a corpus in static files gives the embedded results and fetches only its parts', async ({ page }) => {
  await page.goto(`${SEEDS}/?v=1&q=${encodeURIComponent('sanctions dialogue')}`);
  await ready(page);
  await expect(page.getByTestId('results')).toBeVisible();
  const embedded = await ids(page);
  expect(embedded.length).toBeGreaterThan(0);

  const asked = parts(page);
  await page.goto(`${SHARDED}?v=1&q=${encodeURIComponent('sanctions dialogue')}`);
  await ready(page);
  await expect(page.getByTestId('results')).toBeVisible();
  expect(await ids(page)).toEqual(embedded);
  // The head once, its article parts once each, then only the shards of the query's words (the
  // seeds are cut into 15).
  expect(asked[0], asked.join(' ')).toMatch(/^head\.[0-9a-f]{16}\.bin$/);
  const articles = asked.filter((f) => f.startsWith('articles-'));
  expect(articles.length).toBeGreaterThan(0);
  expect(new Set(articles).size).toBe(articles.length);
  expect(asked.slice(1, 1 + articles.length)).toEqual(articles);
  const shards = asked.slice(1 + articles.length);
  expect(shards.length).toBeGreaterThan(0);
  expect(shards.every((f) => /^terms-\d{4}\.[0-9a-f]{16}\.bin$/.test(f)), asked.join(' ')).toBe(true);
  expect(shards.length).toBeLessThanOrEqual(4);

  // The same words again fetch nothing: the parts are kept for the session.
  const before = asked.length;
  await page.getByTestId('search-input').fill('dialogue');
  await expect(page.getByTestId('results')).toContainText('dialogue');
  await page.getByTestId('search-input').fill('sanctions dialogue');
  await expect(page.getByTestId('hit').first()).toBeVisible();
  expect(await ids(page)).toEqual(embedded);
  expect(asked.length).toBe(before);
});

test('the page says what it is loading while index parts are on their way', async ({ page }) => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/corpus/terms-*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${SHARDED}?v=1&q=opposition`);
  await ready(page);
  const progress = page.getByTestId('shard-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Loading the index for this search: 0 of \d+ parts? \(\d+ KB\)/);
  expect(await seriousViolations(page)).toEqual([]);
  release();
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('hit').first()).toBeVisible();
});

/** Answers requests for `pattern` with `status` until `heal()`; collects page errors (the
 *  browser itself logs the failed status as a console error, so these tests check page errors). */
async function failing(page, pattern, status) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let fail = true;
  await page.route(pattern, async (route) => {
    if (fail) await route.fulfill({ status, body: 'no' });
    else await route.continue();
  });
  return { errors, heal: () => { fail = false; } };
}

plain('a failed fetch shows a notice with a retry, and the retry finishes the search', async ({ page }) => {
  const { errors, heal } = await failing(page, '**/corpus/terms-*', 503);
  await page.goto(`${SHARDED}?v=1&q=opposition`);
  await ready(page);
  const notice = page.getByTestId('shard-error');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('503');
  await expect(notice).toHaveAttribute('role', 'alert');
  // Not a blank view: the search box and the header are still there.
  await expect(page.getByTestId('search-input')).toHaveValue('opposition');
  expect(await seriousViolations(page)).toEqual([]);
  // The retry is a real button that takes the focus.
  await page.getByTestId('shard-retry').focus();
  await expect(page.getByTestId('shard-retry')).toBeFocused();
  heal();
  await page.getByTestId('shard-retry').click();
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('hit').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a part from another build is refused with a sentence, not misread', async ({ page }) => {
  await page.route('**/corpus/terms-*', (route) => route.fulfill({ status: 200, body: 'PLXP not this build' }));
  await page.goto(`${SHARDED}?v=1&q=opposition`);
  await ready(page);
  await expect(page.getByTestId('shard-error')).toContainText('upload the whole built folder again');
  await expect(page.getByTestId('hit')).toHaveCount(0);
  // A search that needs no index part (a date filter alone) runs, and the notice goes.
  await page.getByTestId('search-input').fill('date:2020');
  await expect(page.getByTestId('hit').first()).toBeVisible();
  await expect(page.getByTestId('shard-error')).toBeHidden();
});

plain('a corpus head that cannot be fetched says why, and the retry opens the page', async ({ page }) => {
  const { errors, heal } = await failing(page, '**/corpus/head.*', 404);
  await page.goto(SHARDED);
  const fatal = page.getByRole('alert');
  await expect(fatal).toContainText('Parallax cannot open its corpus');
  await expect(fatal).toContainText('upload the corpus/ folder');
  heal();
  await page.getByTestId('corpus-retry').click();
  await ready(page);
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  expect(errors).toEqual([]);
});

plain('an article part that fails says which, the loading line counts the bytes, and the retry opens the page', async ({ page }) => {
  // Hold the first article part until the loading line has been seen.
  let release;
  const held = new Promise((r) => (release = r));
  let fail = true;
  await page.route('**/corpus/articles-*', async (route) => {
    await held;
    if (fail) await route.fulfill({ status: 503, body: 'busy' });
    else await route.continue();
  });
  await page.goto(SHARDED);
  const opening = page.getByTestId('opening');
  await expect(opening).toContainText('Loading the corpus');
  const bar = opening.getByRole('progressbar', { name: 'corpus loaded' });
  await expect(bar).toBeVisible();
  expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0); // the head is in
  expect(Number(await bar.getAttribute('value'))).toBeLessThan(Number(await bar.getAttribute('max')));
  expect(await seriousViolations(page)).toEqual([]);
  release();
  const fatal = page.getByRole('alert');
  await expect(fatal).toContainText('Parallax cannot open its corpus');
  await expect(fatal).toContainText(/answered 503 .*articles file corpus\/articles-0000\./);
  fail = false;
  await page.getByTestId('corpus-retry').click();
  await ready(page);
  await expect(page.getByTestId('article-item')).toHaveCount(5);
});
