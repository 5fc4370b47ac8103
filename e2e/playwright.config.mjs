// Browser tests: the system Chromium (no browser download), the built pages served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

export const SEEDS = 'http://127.0.0.1:41730';
export const SUBPATH = 'http://127.0.0.1:41731/hosted/under/a/sub-path/';
export const OTHER = 'http://127.0.0.1:41732';
export const HOSTILE = 'http://127.0.0.1:41733';
export const WEBCOPY = 'http://127.0.0.1:41734';
export const SUGGEST = 'http://127.0.0.1:41735';
export const COLLECT = 'http://127.0.0.1:41736';
export const SHARDED = 'http://127.0.0.1:41737/static/host/';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: SEEDS,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
  webServer: [
    { command: 'node scripts/serve.mjs dist 41730', url: SEEDS, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist 41731 /hosted/under/a/sub-path/', url: SUBPATH, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist-other 41732', url: OTHER, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist-hostile 41733', url: HOSTILE, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist-webcopy 41734', url: WEBCOPY, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist-suggest 41735', url: SUGGEST, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist-collect 41736', url: COLLECT, cwd: '..', reuseExistingServer: false },
    { command: 'node scripts/serve.mjs dist-sharded 41737 /static/host/', url: SHARDED, cwd: '..', reuseExistingServer: false },
  ],
});
