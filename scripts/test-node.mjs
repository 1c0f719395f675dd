// npm run test:node: node's own test runner over test/{sdk,server,lint,tooling}, TypeScript through tsx,
// packages resolved to their sources (the "source" export condition), so no build is needed.
import { runNodeTests } from './node-test-runner.mjs';

runNodeTests({ roots: ['test/sdk', 'test/server', 'test/lint', 'test/tooling'], only: process.argv.slice(2) });
