// A corpus kept in static files beside the page (built with PARALLAX_SHARD_FROM=1, small shards
// and one article's text per text part, served under a sub-path): the page fetches only its head
// at start, with a loading line; a search fetches only the index parts of its words and the texts
// of its hits, says so while they load, gives the same results as the embedded corpus; a view
// fetches the texts it shows; a failed fetch shows a notice with a retry instead of a blank view.
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
  const shown = await page.locator('[data-testid="hit"], [data-testid="partial-hit"]').count();
  expect(shown).toBeLessThan(5);

  const asked = parts(page);
  await page.goto(`${SHARDED}?v=1&q=${encodeURIComponent('sanctions dialogue')}`);
  await ready(page);
  await expect(page.getByTestId('results')).toBeVisible();
  expect(await ids(page)).toEqual(embedded);
  // The head alone at start; then only the shards of the query's words and name keys (the seeds
  // are cut into 15; each shard holds its words' dictionary with their postings), never the words
  // file that only a misspelt word needs, then the texts of its hits (one article each), never all
  // five.
  expect(asked[0], asked.join(' ')).toMatch(/^head\.[0-9a-f]{16}\.bin$/);
  expect(asked.filter((f) => f.startsWith('head.')).length).toBe(1);
  const rest = asked.slice(1);
  const shards = rest.filter((f) => f.startsWith('terms-'));
  const texts = rest.filter((f) => f.startsWith('texts-'));
  expect(shards.length + texts.length, asked.join(' ')).toBe(rest.length);
  expect(shards.length).toBeGreaterThan(0);
  expect(shards.every((f) => /^terms-\d{4}\.[0-9a-f]{16}\.bin$/.test(f)), asked.join(' ')).toBe(true);
  expect(shards.length).toBeLessThanOrEqual(6);
  expect(texts.length).toBe(shown);
  expect(new Set(texts).size).toBe(texts.length);
  // Postings come before texts: the hits are known before their passages are read.
  expect(rest.indexOf(texts[0])).toBeGreaterThan(rest.indexOf(shards[shards.length - 1]));

  // The same words again fetch nothing: the parts are kept for the session.
  const before = asked.length;
  await page.getByTestId('search-input').fill('dialogue');
  await expect(page.getByTestId('results')).toContainText('dialogue');
  await page.getByTestId('search-input').fill('sanctions dialogue');
  await expect(page.getByTestId('hit').first()).toBeVisible();
  expect(await ids(page)).toEqual(embedded);
  expect(asked.length).toBe(before);
});

test('a misspelt word fetches the words file once its own shard says it is unknown, and finds what the embedded corpus finds', async ({ page }) => {
  const q = 'sanctoins dialouge';
  await page.goto(`${SEEDS}/?v=1&q=${encodeURIComponent(q)}`);
  await ready(page);
  await expect(page.getByTestId('results')).toBeVisible();
  const embedded = await ids(page);
  expect(embedded.length).toBeGreaterThan(0);

  const asked = parts(page);
  await page.goto(`${SHARDED}?v=1&q=${encodeURIComponent(q)}`);
  await ready(page);
  await expect(page.getByTestId('hit').first()).toBeVisible();
  expect(await ids(page)).toEqual(embedded);
  const words = asked.filter((f) => f.startsWith('words.'));
  expect(words, asked.join(' ')).toHaveLength(1);
  expect(words[0]).toMatch(/^words\.[0-9a-f]{16}\.bin$/);
  // The word's own shard first: only then is the word known to be missing.
  const firstShard = asked.findIndex((f) => f.startsWith('terms-'));
  expect(firstShard).toBeGreaterThan(-1);
  expect(asked.indexOf(words[0])).toBeGreaterThan(firstShard);
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

test('the list opens from the head alone and fills in the leads as their texts arrive', async ({ page }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/corpus/texts-*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(SHARDED);
  await ready(page);
  // Titles, outlets and dates are in the head: the five cards are there at once.
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  await expect(page.getByTestId('shard-progress')).toContainText(/Loading the articles: 0 of 5 parts \(\d+ KB\)/);
  await expect(page.locator('.card-lead')).toHaveCount(0);
  await expect(page.locator('.card-facts').first()).not.toContainText('words');
  release();
  await expect(page.getByTestId('shard-progress')).toBeHidden();
  await expect(page.locator('.card-lead')).toHaveCount(5);
  await expect(page.locator('.card-lead').first()).not.toHaveText('');
  await expect(page.locator('.card-facts').first()).toContainText('words');
});

plain('an article text that fails says which, and the retry opens the article', async ({ page }) => {
  // Hold the text parts until the loading line has been seen, then fail them once.
  let release;
  const held = new Promise((r) => (release = r));
  let fail = true;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(SHARDED);
  await ready(page);
  const first = await page.getByTestId('article-item').first().getAttribute('data-id');
  await page.route('**/corpus/texts-*', async (route) => {
    await held;
    if (fail) await route.fulfill({ status: 503, body: 'busy' });
    else await route.continue();
  });
  // A fresh page (the list's texts are not kept across loads) opened on one article.
  await page.goto(`${SHARDED}?v=1&doc=${first}`);
  await ready(page);
  await expect(page.getByTestId('shard-progress').last()).toContainText('Loading the articles');
  expect(await seriousViolations(page)).toEqual([]);
  release();
  const notice = page.getByTestId('shard-error').last();
  await expect(notice).toContainText(/answered 503 .*articles file corpus\/texts-\d{4}\./);
  await expect(notice).toHaveAttribute('role', 'alert');
  // Not a blank page: the header and the list are there.
  await expect(page.getByTestId('search-input')).toBeVisible();
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  fail = false;
  await notice.getByTestId('shard-retry').click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', first);
  await expect(page.getByTestId('shard-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('coverage and comparison over a corpus in static files fetch the texts they read', async ({ page }) => {
  const asked = parts(page);
  await page.goto(`${SHARDED}?v=1&view=coverage`);
  await ready(page);
  await expect(page.getByTestId('coverage')).toBeVisible();
  expect(asked.filter((f) => f.startsWith('texts-')).length).toBe(5);
  const embedded = await page.getByTestId('coverage').innerText();
  await page.goto(`${SEEDS}/?v=1&view=coverage`);
  await ready(page);
  await expect(page.getByTestId('coverage')).toBeVisible();
  expect(await page.getByTestId('coverage').innerText()).toBe(embedded);

  // Two articles side by side fetch their two texts, and align as the embedded page does.
  const pair = '000_8ab391a8a651fb65,001_9c6dd14e164684d3';
  await page.goto(`${SEEDS}/?v=1&compare=${pair}`);
  await ready(page);
  const aligned = await page.getByTestId('compare').innerText();
  const fresh = await page.context().newPage();
  const asked2 = parts(fresh);
  await fresh.goto(`${SHARDED}?v=1&compare=${pair}`);
  await ready(fresh);
  await expect(fresh.getByTestId('compare')).toBeVisible();
  expect(asked2.filter((f) => f.startsWith('texts-')).length).toBe(2);
  expect(await fresh.getByTestId('compare').innerText()).toBe(aligned);
});
