// axe-core, injected into the page under test. The page's CSP forbids inline scripts, so the
// library is evaluated through the DevTools protocol (page.evaluate), which CSP does not govern;
// the page's own policy stays as strict as in production.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe over the whole page (WCAG 2.x A/AA rules and best practices); returns the violations
 *  that axe rates serious or critical, each as "rule: target — summary" lines. */
export async function seriousViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}
