import type { Page } from 'playwright-core';

/**
 * Everything a person's browser console or network panel would show as
 * wrong on `page` from now on: console errors and warnings, uncaught
 * errors, failed requests and error answers. The list fills as they happen.
 */
export function recordFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') failures.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => failures.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return failures;
}
