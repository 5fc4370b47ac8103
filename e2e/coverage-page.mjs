// The coverage view as the browser tests see it, in the style of leptos' e2e page objects: the
// locators in one place, and the timeline's geometry read from the page (the data attributes the
// chart writes from its own layout, scaled by its bounding box) rather than copied into the tests.
import { ready } from './helpers.mjs';

export class CoveragePage {
  constructor(page) {
    this.page = page;
    this.matrix = page.getByTestId('matrix');
    this.rows = page.getByTestId('matrix-row');
    this.drilldown = page.getByTestId('drilldown');
    this.statements = page.getByTestId('statement');
    this.timeline = page.getByTestId('timeline');
    this.marks = page.getByTestId('timeline-mark');
    this.scope = page.getByTestId('coverage-scope');
  }

  /** Opens the coverage view with more of the query string (`&by=actor…`), and waits for it. */
  async goto(query = '') {
    await this.page.goto(`/?v=1&view=coverage${query}`);
    await ready(this.page);
  }

  /** The matrix cell of a row (an outlet label or an actor id) and a target id. */
  cell(row, target) {
    return this.page.locator(`[data-testid=matrix-cell][data-row="${row}"][data-target="${target}"]`);
  }

  /** The matrix row of an outlet label or an actor id. */
  row(key) {
    return this.page.locator(`[data-testid=matrix-row][data-row="${key}"]`);
  }

  /**
   * The timeline's geometry on the screen: where its plot starts and ends and where its lanes
   * are, in page pixels. `x(f)` is the point a fraction `f` of the way along the date axis,
   * `y(lane)` the middle of a lane.
   */
  async timelineGeometry() {
    const box = await this.timeline.boundingBox();
    const g = await this.timeline.evaluate((svg) => {
      const [, , width, height] = svg.getAttribute('viewBox').split(/\s+/).map(Number);
      const n = (k) => Number(svg.dataset[k]);
      return { width, height, left: n('left'), plotWidth: n('plotWidth'), top: n('top'), lane: n('lane') };
    });
    const sx = box.width / g.width;
    const sy = box.height / g.height;
    return {
      box,
      plotLeft: box.x + g.left * sx,
      plotWidth: g.plotWidth * sx,
      x: (f) => box.x + (g.left + f * g.plotWidth) * sx,
      y: (lane) => box.y + (g.top + g.lane * (lane + 0.5)) * sy,
    };
  }

  /**
   * Drags across the timeline from one fraction of the date axis to another, between the first
   * two lanes (clear of the marks, which sit on their lanes).
   */
  async brush(from, to) {
    const g = await this.timelineGeometry();
    const [x0, x1, y] = [g.x(from) + 1, g.x(to), g.y(0.5)];
    await this.page.mouse.move(x0, y);
    await this.page.mouse.down();
    await this.page.mouse.move((x0 + x1) / 2, y, { steps: 4 });
    await this.page.mouse.move(x1, y, { steps: 4 });
    await this.page.mouse.up();
  }
}
