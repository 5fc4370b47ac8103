import { readFile } from 'node:fs/promises';
import { test, expect, ready } from './helpers.mjs';
import { CoveragePage } from './coverage-page.mjs';

const cell = (page, row, target) => new CoveragePage(page).cell(row, target);

test('the matrix by actor shows the EU, the Kremlin and Putin taking positions, and a cell lists its sentences', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByTestId('nav-coverage').click();
  await expect(page).toHaveURL(/view=coverage/);
  await expect(page.getByTestId('matrix')).toBeVisible();
  await expect(page.getByTestId('nav-coverage')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('matrix-row')).toHaveCount(4);

  await page.getByTestId('rows-actor').click();
  await expect(page).toHaveURL(/by=actor/);
  await expect(page.getByTestId('rows-actor')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 'eu', 'sanctions')).toHaveAttribute('title', /European Union on sanctions: 1 for/);
  await expect(cell(page, 'eu', 'dialogue')).toHaveAttribute('title', /for/);
  await expect(cell(page, 'eu', 'election_legitimacy')).toHaveAttribute('title', /\d+ against/);
  await expect(cell(page, 'kremlin', 'foreign_interference')).toHaveAttribute('title', /1 against/);
  await expect(cell(page, 'putin', 'dialogue')).toHaveAttribute('title', /Vladimir Putin on dialogue between authorities and opposition: 5 for \(2 quoted, 3 reported\)/);
  await expect(page.locator('[data-testid=matrix-row][data-row="eu"]')).toContainText('in TASS');
  await expect(page.locator('[data-testid=matrix-row][data-row="putin"]')).toContainText('in Reuters via inkl');

  await cell(page, 'eu', 'sanctions').click();
  await expect(page).toHaveURL(/row=eu&target=sanctions/);
  const drill = page.getByTestId('drilldown');
  await expect(drill).toContainText('European Union on sanctions — 1 statement');
  await expect(drill.getByTestId('statement')).toHaveCount(1);
  await expect(drill.locator('mark')).toHaveText(['impose', 'sanctions']);
  await expect(page.locator('#drill-heading'), 'the statements take the focus and come into view').toBeFocused();
  await expect(page.locator('#drill-heading')).toBeInViewport();
  await expect(drill).toContainText('TASS');

  // The sentence leads to its paragraph in the reader; back returns to the same selection.
  await drill.getByTestId('statement-link').click();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '002_41439f313bc3004e');
  await expect(page).toHaveURL(/doc=002_41439f313bc3004e&at=\d+-\d+&cv=[0-9a-f]+&quote=/);
  await expect(page.locator('#p6')).toHaveClass(/focused/);
  await page.goBack();
  await expect(page.getByTestId('drilldown')).toContainText('European Union on sanctions');

  // A column header lists everyone's statements on the target.
  await page.getByRole('link', { name: 'Foreign interference', exact: true }).click();
  await expect(page.getByTestId('drilldown')).toContainText('Everyone on foreign interference');
  await expect(page.getByTestId('statement')).toContainText(['The Kremlin']);
});

test('the matrix is usable from the keyboard', async ({ page }) => {
  await page.goto('/?v=1&view=coverage&by=actor');
  await ready(page);
  const target = cell(page, 'putin', 'dialogue');
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drilldown')).toContainText('Vladimir Putin on dialogue');
  // The headline says it too, so the first of the five is the headline's.
  await expect(page.getByTestId('statement')).toHaveCount(5);
  await expect(page.getByTestId('statement').first()).toContainText('Reuters via inkl');
  await expect(page.getByTestId('statement').first()).toContainText('should start dialogue');
});

test('brushing the timeline limits every table, and the range lives in the URL', async ({ page }) => {
  const coverage = new CoveragePage(page);
  await coverage.goto('&by=actor');
  await expect(coverage.marks).toHaveCount(5);
  await expect(coverage.scope).toContainText('5 articles of 5');
  // Every mark sits inside the plot the page reports, on one of its lanes.
  const g = await coverage.timelineGeometry();
  const lanes = await page.getByTestId('timeline-lane').count();
  for (const mark of await coverage.marks.all()) {
    const b = await mark.boundingBox();
    expect(b.x + b.width / 2).toBeGreaterThanOrEqual(g.plotLeft);
    expect(b.x + b.width / 2).toBeLessThanOrEqual(g.plotLeft + g.plotWidth);
    const middle = b.y + b.height / 2;
    const lane = [...Array(lanes).keys()].find((i) => Math.abs(g.y(i) - middle) < 2);
    expect(lane, `a mark at y=${middle} is on a lane`).toBeDefined();
  }
  // August 2020 is the first few percent of the date axis; the plot's edges come from the page.
  await coverage.brush(0, 0.06);
  await expect(page).toHaveURL(/from=2020-08-\d\d&to=2020-(08|09)-\d\d/);
  await expect(page.getByTestId('coverage-scope')).toContainText('4 articles of 5');
  await expect(page.locator('[data-testid=timeline-mark].outside')).toHaveCount(1);
  await expect(page.locator('[data-testid=timeline-mark].outside')).toHaveAttribute('data-doc', '004_9c538ca53b92ee9e');
  // Putin speaks only in the 2021 article: his row is gone; the figures and ledger follow.
  await expect(page.locator('[data-testid=matrix-row][data-row="putin"]')).toHaveCount(0);
  await expect(page.getByTestId('ledger')).not.toContainText('Vladimir Putin');
  await expect(page.getByTestId('figures-across').locator('thead th')).toHaveCount(4);

  // The link reproduces the view; presets and "Show all dates" change it.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('coverage-scope')).toContainText('4 articles of 5');
  await page.getByTestId('range-preset').filter({ hasText: '2021' }).click();
  await expect(page).toHaveURL(/from=2021-01-01&to=2021-12-31/);
  await expect(page.getByTestId('coverage-scope')).toContainText('1 article of 5');
  await expect(page.getByTestId('matrix-row')).toContainText(['Vladimir Putin']);
  await page.getByTestId('clear-range').click();
  await expect(page.getByTestId('coverage-scope')).toContainText('5 articles of 5');
  await page.goBack();
  await expect(page.getByTestId('coverage-scope')).toContainText('1 article of 5');

  // Typed dates work too.
  await page.getByTestId('range-from').fill('2020-08-20');
  await page.getByTestId('range-from').dispatchEvent('change');
  await expect(page).toHaveURL(/from=2020-08-20/);
});

test('tables download as CSV and JSON, the timeline as SVG', async ({ page }) => {
  await page.goto('/?v=1&view=coverage&by=actor');
  await ready(page);
  const matrix = page.locator('.matrix-panel');
  const [csv] = await Promise.all([page.waitForEvent('download'), matrix.getByTestId('export-csv').first().click()]);
  expect(csv.suggestedFilename()).toBe('coverage-matrix-by-actor.csv');
  const text = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('actor,group,target,target_label,support_quoted,support_reported,support_outlet,oppose_quoted,oppose_reported,oppose_outlet,neutral_report_quoted,neutral_report_reported,neutral_report_outlet,total');
  expect(lines.some((l) => l.startsWith('European Union,European Union,sanctions,Sanctions,0,1,0'))).toBe(true);

  const [json] = await Promise.all([page.waitForEvent('download'), matrix.getByTestId('export-json').first().click()]);
  const body = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(body.table).toBe('coverage-matrix-by-actor');
  expect(body.view).toContain('view=coverage');
  expect(body.corpus_version).toMatch(/^[0-9a-f]{16}$/);
  expect(body.rows.length).toBe(lines.length - 1);

  const timeline = page.locator('.timeline');
  const [svg] = await Promise.all([page.waitForEvent('download'), timeline.getByTestId('export-svg').click()]);
  expect(svg.suggestedFilename()).toBe('timeline.svg');
  const chart = await readFile(await svg.path(), 'utf8');
  expect(chart).toMatch(/^<\?xml/);
  expect(chart).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(chart).toContain('<title');
  expect(chart).toContain('Publication date');

  const [matrixSvg] = await Promise.all([page.waitForEvent('download'), matrix.getByTestId('export-svg').click()]);
  expect(matrixSvg.suggestedFilename()).toBe('coverage-matrix-by-actor.svg');
  const matrixChart = await readFile(await matrixSvg.path(), 'utf8');
  expect(matrixChart).toContain('European Union');
  // The page and the file draw from one layout: the row's second line is the same in both.
  const sub = await new CoveragePage(page).row('eu').locator('.row-sub').textContent();
  expect(sub).toBe('European Union · in TASS');
  expect(matrixChart).toContain(`>${sub}</text>`);

  const [ledger] = await Promise.all([page.waitForEvent('download'), page.locator('.ledger').getByTestId('export-csv').click()]);
  const ledgerText = await readFile(await ledger.path(), 'utf8');
  expect(ledgerText).toContain('European Union,European Union,TASS');
});

test('name spellings and figures across outlets', async ({ page }) => {
  await page.goto('/?v=1&view=coverage');
  await ready(page);
  const names = page.getByTestId('names');
  await expect(names).toContainText('Tsikhanouskaya');
  const row = names.getByTestId('spelling-row').filter({ hasText: 'Tsikhanouskaya' });
  await expect(row.locator('td').first()).toHaveText('1');
  await expect(page.getByTestId('figures-across').getByTestId('disagreement')).toHaveCount(1);
  await expect(page.getByTestId('figures-across').getByTestId('figure-row').filter({ hasText: 'deaths' })).toContainText('Outlets disagree');
});

test('a stale coverage link still opens, with a notice for what was ignored', async ({ page }) => {
  await page.goto('/?v=1&view=coverage&by=sideways&row=nobody&target=sanctions&from=not-a-date');
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('by outlet or by actor');
  await expect(page.getByTestId('notice')).toContainText('not a date');
  await expect(page.getByTestId('drilldown')).toContainText('No statements here');
  await expect(page.getByTestId('matrix')).toBeVisible();
});

for (const [name, width, height] of [['narrow', 360, 740], ['wide', 1440, 900]]) {
  test(`the coverage view fits a ${name} screen (${width}px), wide tables scrolling inside their panels`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?v=1&view=coverage&by=actor&row=eu&target=sanctions');
    await ready(page);
    await expect(page.getByTestId('matrix')).toBeVisible();
    await expect(page.getByTestId('drilldown')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`coverage-${name}.png`), fullPage: true });
  });
}
