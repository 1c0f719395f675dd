// Browser tests in the machine's Chromium (Debian's /usr/bin/chromium), never a downloaded one.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { reactEsm } from './test/react/react-esm.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath}: the browser tests need one and will not download their own.\n` +
      'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or point CHROME_PATH at an installed Chrome or Chromium.',
  );
}

export default {
  files: ['test/widgets/**/*.test.ts', 'test/sdk-browser/**/*.test.ts', 'test/react/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // React is CommonJS only: test/react/react-esm.mjs serves it as ES modules.
  plugins: [reactEsm(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  // nanostores reads process.env.NODE_ENV; the builds replace it, the test pages define it.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>globalThis.process = { env: { NODE_ENV: 'development' } };</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
