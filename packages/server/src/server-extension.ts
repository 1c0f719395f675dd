import type { FastifyPluginAsync } from 'fastify';
import type { StaticSite } from './http/static-sites.js';
import type { ServerContext } from './server-context.js';

/**
 * An optional part plugged into the server by whoever starts it, so the API
 * itself carries none of it: the demo (`@advocacy/demo`) is one. Its routes
 * get the same context as the API's own.
 */
export interface ServerExtension {
  /** Routes inside the JSON API: its CORS, rate limits and problem answers. */
  api?: FastifyPluginAsync<ServerContext>;
  /** Routes outside it (HTML pages): no CORS, no API rate limits. */
  pages?: FastifyPluginAsync<ServerContext>;
  /** Folders it serves, linked from the start page. */
  staticSites?: StaticSite[];
}
