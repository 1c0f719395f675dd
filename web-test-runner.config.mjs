// Browser tests in the machine's Chromium and Firefox ESR (Debian's /usr/bin/chromium and
// /usr/bin/firefox-esr), never downloaded ones. BROWSERS=chromium (or firefox) runs one engine.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { reactEsm } from './test/react/react-esm.mjs';
import { browserLaunchers } from './test/browser-launchers.mjs';

export default {
  files: ['test/widgets/**/*.test.ts', 'test/sdk-browser/**/*.test.ts', 'test/react/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // One test file at a time per engine; the two engines run side by side.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: browserLaunchers(process.env.BROWSERS),
  // React is CommonJS only: test/react/react-esm.mjs serves it as ES modules.
  plugins: [reactEsm(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  // nanostores reads process.env.NODE_ENV; the builds replace it, the test pages define it.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>globalThis.process = { env: { NODE_ENV: 'development' } };</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
