import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toAdvError, type AdminStatsQuery, type AdvClient, type AdvError } from '@advocacy/sdk';
import { saveFile } from './save-file.js';

/**
 * The API's name for the file (its `Content-Disposition`, docs/programme-figures.md):
 * `advocacy-<groupBy>-<from>_<to>.csv`. `client.admin.stats.csv()` gives the text
 * alone, so the name is built from the same query, which the API echoes.
 */
export const csvFileName = ({ groupBy = 'day', from, to }: AdminStatsQuery): string => `advocacy-${groupBy}-${from}_${to}.csv`;

/**
 * A dashboard table as the API's CSV file: asked for with `Accept: text/csv`
 * through the SDK (the client signs the request; no token reaches the DOM),
 * then handed to the browser as a download (`saveFile()`). Re-renders its host
 * as it goes: `downloading`, then `saved` (the file's name) or `failure`. A
 * widget taken out of the page cancels its request (no file appears later).
 */
export class CsvDownloadController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  downloading = false;
  failure: AdvError | undefined;
  /** The name of the file last saved. */
  saved = '';
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Fetches and saves the file; a failure is kept in `failure` and thrown again for the host to announce. */
  async download(client: AdvClient, query: AdminStatsQuery): Promise<void> {
    if (this.downloading) return;
    this.downloading = true;
    this.failure = undefined;
    this.saved = '';
    this.#host.requestUpdate();
    const abort = (this.#abort = new AbortController());
    try {
      const text = await client.admin.stats.csv(query, { signal: abort.signal });
      const name = csvFileName(query);
      saveFile(this.#host.renderRoot, name, text);
      this.saved = name;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = toAdvError(error);
      throw error;
    } finally {
      this.#abort = undefined;
      this.downloading = false;
      this.#host.requestUpdate();
    }
  }

  /** Forgets the last outcome (another range or breakdown is shown). */
  reset(): void {
    this.failure = undefined;
    this.saved = '';
  }
}
