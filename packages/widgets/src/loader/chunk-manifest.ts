/**
 * The code-split CDN build's chunks, as the loader finds them: file names
 * relative to the loader (`chunks/core-1a2b3c4d.js`), written by the build
 * (rollup.config.mjs) into the loader in place of `__ADV_CHUNKS__`.
 */
export interface ChunkManifest {
  /** The public API the loader re-exports (configure, createClient, the errors and events). */
  readonly core: string;
  /** Lit's hydration support: loaded first, and only, when a widget on the page was rendered by a server. */
  readonly hydrate: string;
  /** Each tag's chunk: it defines the tag (and the tags it renders itself). */
  readonly widgets: Readonly<Record<string, string>>;
}

declare const __ADV_CHUNKS__: ChunkManifest;

export const chunks: ChunkManifest = __ADV_CHUNKS__;
