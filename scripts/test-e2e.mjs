// npm run test:e2e: end-to-end tests in test/e2e on Node's test runner: the real
// stack started as `npm start` starts it, driven in the machine's Chromium by
// playwright-core. One file at a time (each starts its own stack).
import { runNodeTests } from './node-test-runner.mjs';

runNodeTests({ roots: ['test/e2e'], only: process.argv.slice(2), extraArgs: ['--test-concurrency=1'], what: 'end-to-end test' });
