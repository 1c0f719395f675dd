// web-test-runner launchers for the machine's own browsers: Chromium over CDP and
// Firefox ESR over WebDriver BiDi, both through puppeteer-core. Nothing here downloads a browser.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';

const ENGINES = {
  chromium: {
    path: process.env.CHROME_PATH || '/usr/bin/chromium',
    install: 'sudo apt-get install -y chromium',
    variable: 'CHROME_PATH',
    launcher: (executablePath) =>
      chromeLauncher({
        launchOptions: {
          executablePath,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      }),
  },
  firefox: {
    path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    install: 'sudo apt-get install -y firefox-esr',
    variable: 'FIREFOX_PATH',
    // Given puppeteer-core itself, the Chrome launcher launches what `browser` names.
    launcher: (executablePath) => chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath, headless: true } }),
  },
};

/** The launchers for `names` (comma-separated, default every engine); a missing browser stops the run with how to install it. */
export function browserLaunchers(names = Object.keys(ENGINES).join(',')) {
  return names.split(',').map((name) => {
    const engine = ENGINES[name.trim()];
    if (!engine) throw new Error(`Unknown browser "${name}" in BROWSERS: use ${Object.keys(ENGINES).join(', ')}.`);
    if (!existsSync(engine.path)) {
      throw new Error(
        `No ${name} at ${engine.path}: the browser tests need it and will not download their own.\n` +
          `Install it with \`${engine.install}\` (Debian/Ubuntu), or point ${engine.variable} at an installed one.`,
      );
    }
    return engine.launcher(engine.path);
  });
}
