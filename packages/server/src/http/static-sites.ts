import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A folder served as-is under a URL prefix (CDN bundle, themes, demo pages, Storybook). */
export interface StaticSite {
  /** URL prefix with both slashes, e.g. `/cdn/`. */
  prefix: string;
  /** Absolute folder path. */
  root: string;
  label: string;
  description: string;
  /** Page to link from the start page, relative to the prefix; the prefix itself when absent. */
  entry?: string;
}

/**
 * The sites whose files pages on other origins load: the widget bundles (a
 * module script with `integrity` and `crossorigin="anonymous"`, which the
 * browser refuses without CORS) and the themes (a stylesheet, and the files it
 * `@import`s). Every answer under them, 404s included, says
 * `Access-Control-Allow-Origin: *` — never an echoed origin, never credentials:
 * the files are public and the same for everyone. The demo pages and Storybook
 * stay same-origin.
 */
const CROSS_ORIGIN_PREFIXES: ReadonlySet<string> = new Set(['/cdn/', '/themes/']);

/** A URL whose bytes never change: a versioned path, or a name with a content hash. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A URL whose bytes change with each build: cached, but revalidated with its ETag every time. */
export const REVALIDATE = 'no-cache';

/**
 * A name that carries a content hash, as a code-split build writes it
 * (`chunk-B4x9_zQa1.js`, `theme-3f9a0c1d.css`, and their `.map`): after the
 * last dash, 8 or more hex or base64url characters, at least one of them a
 * digit or a capital, so that a word (`adv-leaderboard.js`,
 * `advocacy-hydrate.js`) is never taken for a hash. A base64url hash that
 * itself holds a dash is not recognised and is only revalidated, never cached
 * wrongly; Rollup's `hashCharacters: 'hex'` avoids that case.
 */
const CONTENT_HASHED = /-(?=\w*[0-9A-Z])\w{8,}\.(?:js|css)(?:\.map)?$/;

/** A semver version, safe as one path segment. */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Whether a served file (a path or a bare name) is content-hashed. */
export function isContentHashed(file: string): boolean {
  return CONTENT_HASHED.test(basename(file));
}

/**
 * Version of the package a folder belongs to: that of the nearest
 * package.json at or above it (`packages/widgets/dist/cdn` →
 * `packages/widgets/package.json`; the themes folder holds its own). Read
 * once, at start.
 */
export function packageVersionOf(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      return typeof version === 'string' && VERSION.test(version) ? version : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** `<file>.br` and `<file>.gz`, the siblings scripts/precompress.mjs writes, stand for `<file>`. */
const COMPRESSED_SIBLING = /\.(?:br|gz)$/;

function baseOptions(site: StaticSite): FastifyStaticOptions {
  return { root: site.root, prefix: site.prefix, decorateReply: false, index: ['index.html'], redirect: true, dotfiles: 'deny' };
}

/**
 * A public asset site: every file under `<prefix><file>` (immutable when its
 * name has a content hash, else revalidated with its ETag) and, when the
 * folder's package has a version, under `<prefix><version>/<file>`
 * (immutable). A client that accepts brotli or gzip gets `<file>.br` or
 * `<file>.gz` when the build wrote one (scripts/precompress.mjs), with
 * `Content-Encoding` and `Vary: Accept-Encoding` (on every file answer, the
 * uncompressed ones too), and its own ETag: the three differ in size. The
 * browser checks Subresource Integrity on the decoded bytes, which are the
 * file's, so the hashes the build printed hold. A sibling asked for by name is
 * sent as the file it is: the compressed bytes, with no `Content-Encoding`.
 */
async function crossOriginAssetSite(scope: FastifyInstance, site: StaticSite): Promise<void> {
  // In onRequest, so that 304s, HEADs, 404s and 403s carry them too.
  scope.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });
  // Scripts and stylesheets are simple requests and need no preflight; a fetch() with custom headers does.
  scope.options(`${site.prefix}*`, async (_request, reply) =>
    reply
      .code(204)
      .header('allow', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', '*')
      .header('access-control-max-age', '86400')
      .send(),
  );

  const version = packageVersionOf(site.root);
  if (version) {
    await scope.register(fastifyStatic, {
      ...baseOptions(site),
      prefix: `${site.prefix}${version}/`,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply) => reply.header('cache-control', IMMUTABLE),
    });
  }
  await scope.register(fastifyStatic, {
    ...baseOptions(site),
    preCompressed: true,
    cacheControl: false,
    // `path` is the file sent: `chunks/core-05f9df3e.js.br` is as hashed as the file it encodes.
    setHeaders: (reply, path) => reply.header('cache-control', isContentHashed(path.replace(COMPRESSED_SIBLING, '')) ? IMMUTABLE : REVALIDATE),
  });
}

/** Serves each folder under its prefix: the public asset sites to any origin, the others as before. */
export async function registerStaticSites(app: FastifyInstance, sites: readonly StaticSite[]): Promise<void> {
  for (const site of sites) {
    if (CROSS_ORIGIN_PREFIXES.has(site.prefix)) {
      // Its own scope, so that its hook reaches only its routes.
      await app.register(async (scope) => crossOriginAssetSite(scope, site));
    } else {
      await app.register(fastifyStatic, baseOptions(site));
    }
  }
}
