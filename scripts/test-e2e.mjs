// npm run test:e2e: end-to-end tests in test/e2e on Node's test runner: the real
// stack started as `npm start` starts it, driven in the machine's own browsers:
// Chromium by playwright-core, and, for the career and intranet journeys
// (*-journeys.test.ts), Firefox ESR too by puppeteer-core over WebDriver BiDi
// (test/e2e/helpers/driver.ts; FIREFOX_PATH or /usr/bin/firefox-esr). One file
// at a time (each starts its own stack).
import { runNodeTests } from './node-test-runner.mjs';

runNodeTests({ roots: ['test/e2e'], only: process.argv.slice(2), extraArgs: ['--test-concurrency=1'], what: 'end-to-end test' });
