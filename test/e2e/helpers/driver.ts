// One small driver interface over the two browser engines the end-to-end
// journeys run in: Chromium through playwright-core (driver-chromium.ts) and
// Firefox ESR through puppeteer-core over WebDriver BiDi (driver-firefox.ts),
// each the machine's own browser, never a downloaded one. A journey written
// once against it runs in both: `for (const engine of ENGINES) describe(engine.name, …)`.
import { after, before, describe } from 'node:test';
import { chromiumEngine } from './driver-chromium.js';
import { firefoxEngine } from './driver-firefox.js';

export interface PageOptions {
  /** false: the page as a browser with JavaScript turned off shows it. Default true. */
  javaScript?: boolean;
  /** Runs in every document of the page before the document's own scripts. */
  beforeScripts?: () => void;
}

export interface JourneyPage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): string;
  /** Runs `fn` in the page. No named inner functions: the test's TypeScript loader would wrap them in a helper the page lacks. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the page. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** Presses one key as a person would ("Tab", "Enter", "ArrowRight", "Home"). */
  press(key: string): Promise<void>;
  /** Clicks the first element `selector` finds: CSS, where " >>> " looks inside the shadow root of what is on its left (`#carousel >>> [part="next"]`). */
  click(selector: string): Promise<void>;
  /** Chooses `value` in the `<select>` at `selector`, as a person would. */
  select(selector: string, value: string): Promise<void>;
  /** Runs `action` and waits for the page it loads. */
  navigation(action: () => Promise<unknown>): Promise<void>;
  /** Runs `action` and answers the address the new window it opens asks for (the window is closed). */
  nextWindow(action: () => Promise<unknown>): Promise<string>;
  /** Every request the page made so far, as `METHOD url`. */
  readonly requests: readonly string[];
  /** What its console or network panel would show as wrong so far: console errors and warnings, uncaught errors, failed requests, error answers. */
  readonly failures: readonly string[];
  close(): Promise<void>;
}

export interface Driver {
  newPage(options?: PageOptions): Promise<JourneyPage>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: 'Chromium' | 'Firefox ESR';
  /**
   * Starts the engine. `offlineHosts` (third-party share dialogs) are never
   * reached: the journey reads the address a window asked for, no request
   * leaves the machine.
   */
  launch(options: { offlineHosts: readonly string[] }): Promise<Driver>;
}

export const ENGINES: readonly Engine[] = [chromiumEngine, firefoxEngine];

/**
 * One `describe` per engine, named after it, with the engine launched before
 * its tests and closed after them: `journeys` declares the tests and reaches
 * the running engine through `driver()`.
 */
export function describeInEachEngine(
  options: { offlineHosts: readonly string[] },
  journeys: (driver: () => Driver, engine: Engine, index: number) => void,
): void {
  for (const [index, engine] of ENGINES.entries()) {
    describe(engine.name, () => {
      let driver: Driver | undefined;
      before(async () => {
        driver = await engine.launch(options);
      });
      after(async () => {
        await driver?.close();
      });
      journeys(() => driver!, engine, index);
    });
  }
}
