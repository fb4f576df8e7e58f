import { defineConfig } from '@playwright/test';
import { SERVER_ENTRY, startCommand } from './server/start-command.js';

// The e2e suite runs the real server as `npm start` does (compiled, with its settings and node flags, fresh data dir: embedded PostgreSQL) serving the built client.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const START = startCommand();

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  // Concurrent runs (several people on one machine) each need their own artifacts dir.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    // The app's service worker would answer requests that specs intercept with page.route; the PWA spec allows it.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    },
  },
  webServer: {
    // /bin/sh has no $RANDOM: a nanosecond timestamp names a fresh data dir per run.
    // Listing photos may come from 127.0.0.1 (any port): specs start their own photo server on a free port.
    command: `npm run build:client && npm run build:server && DATA_DIR=.tmp/e2e-$(date +%s%N) PORT=${PORT} HOST=127.0.0.1 LISTING_PHOTO_PRIVATE_HOSTS=127.0.0.1 ${Object.entries(
      START.env,
    )
      .map(([k, v]) => `${k}=${v} `)
      .join('')}node ${START.nodeFlags.join(' ')} ${SERVER_ENTRY}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
