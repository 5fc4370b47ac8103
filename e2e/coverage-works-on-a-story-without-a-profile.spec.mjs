// The page over tests/fixtures/suggest: a story (a river dam) that the built-in profile does not
// fit and that has no story.toml. The build tags stances with a profile suggested from the
// articles, the coverage view says so and how to refine it, and its matrix has the story's
// actors and targets.
import { test, expect, ready } from './helpers.mjs';
import { SUGGEST } from './playwright.config.mjs';

test('the coverage view says the profile was suggested, and its matrix has the story\'s actors and targets', async ({ page }) => {
  await page.goto(`${SUGGEST}/?v=1&view=coverage&by=actor`);
  await ready(page);
  const note = page.getByTestId('profile-note');
  await expect(note.locator('summary')).toContainText('Stance profile suggested from these articles (5 targets');
  // The disclosure opens on how to refine it.
  await expect(note.getByText('parallax profile suggest --corpus FOLDER --out FOLDER/story.toml')).toBeHidden();
  await note.locator('summary').click();
  await expect(note.getByText('parallax profile suggest --corpus FOLDER --out FOLDER/story.toml')).toBeVisible();
  await expect(note).toContainText('The folder has no story.toml');
  const rows = page.getByTestId('matrix-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(5);
  for (const actor of ['grell', 'marrow', 'tell', 'cl', 'westmark']) {
    await expect(page.locator(`[data-testid=matrix-row][data-row="${actor}"]`)).toBeVisible();
  }
  const targets = new Set(await page.locator('[data-testid=matrix-cell]').evaluateAll((cells) => cells.map((c) => c.dataset.target)));
  for (const t of ['talks', 'tariffs', 'dam', 'inquiry', 'release_of_farmers']) expect(targets, t).toContain(t);
  // A cell drills down to its sentences.
  await page.locator('[data-testid=matrix-cell][data-row="grell"][data-target="tariffs"]').click();
  await expect(page.getByTestId('drilldown')).toContainText('Tomas Grell on tariffs');
  await expect(page.getByTestId('statement').first()).toContainText('tariffs');
});

test('the seeds keep the built-in profile and say nothing about it', async ({ page }) => {
  await page.goto('/?v=1&view=coverage');
  await ready(page);
  await expect(page.getByTestId('matrix-row').first()).toBeVisible();
  await expect(page.getByTestId('profile-note')).toHaveCount(0);
});
