// The code-split CDN build's hydration chunk: Lit's hydration support alone. The loader imports it
// before any widget chunk, and only on a page where a widget was rendered by a server, because it
// must run before Lit defines an element.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
