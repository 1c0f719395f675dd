// The CDN file for server-rendered pages (advocacy-hydrate.js): Lit's hydration support, then every widget.
// Hydration support must run before Lit defines any element, hence a file of its own rather than a flag;
// and it is a separate file, not part of advocacy.js, so the pages that render in the browser only (every
// intranet page) do not download it (npm run size shows what it costs).
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
export * from '../cdn.js';
