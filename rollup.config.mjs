// Builds every package (ESM + .d.ts) and the CDN bundles. Configs run in
// order: the SDK first, because the widgets' types and the CDN bundles
// import its dist/.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

/** Everything that is not a relative path stays an import in the npm builds. */
const externalPackages = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const versionMarker = (dir) =>
  replace({ preventAssignment: true, values: { __ADV_VERSION__: JSON.stringify(version(dir)) } });

/** ESM build of one package, one output file per source file, with declarations. */
function packageBuild(dir, input, extraPlugins = []) {
  return {
    input: input.map((file) => join(dir, 'src', file)),
    external: externalPackages,
    output: {
      dir: join(dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(dir, 'src'),
      sourcemap: true,
    },
    plugins: [
      typescript({ tsconfig: join(dir, 'tsconfig.build.json'), outputToFilesystem: true, noEmitOnError: true }),
      versionMarker(dir),
      ...extraPlugins,
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(warning.message);
      warn(warning);
    },
  };
}

/** Copies the server's SQL migrations next to the compiled migrator. */
function copyMigrations() {
  const from = 'packages/server/src/db/migrations';
  return {
    name: 'copy-migrations',
    generateBundle() {
      for (const file of readdirSync(from).filter((name) => name.endsWith('.sql'))) {
        this.emitFile({ type: 'asset', fileName: `db/migrations/${file}`, source: readFileSync(join(from, file), 'utf8') });
      }
    },
  };
}

const widgetsDir = 'packages/widgets';
const defineFiles = readdirSync(join(widgetsDir, 'src/define')).filter((file) => file.endsWith('.ts'));

const widgetsVersion = version(widgetsDir);
const integrities = {};

/**
 * Records the sha384 Subresource Integrity hash of each CDN file in
 * dist/cdn/sri.json and prints the tag to paste, with a versioned URL: the
 * npm CDNs serve these files under the package version, and so does our
 * server (`/cdn/<version>/<file>`, immutable), so a hash never changes under
 * its URL. Each single-file bundle has no imports, so its hash covers all its
 * code; the loader's chunks are pinned by the import map that loaderSnippet prints.
 */
function subresourceIntegrity(prefix = '') {
  return {
    name: 'subresource-integrity',
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        // Hash the file as written (Rollup appends the sourceMappingURL comment when writing).
        const written = readFileSync(join(options.dir ?? dirname(options.file), fileName));
        const integrity = `sha384-${createHash('sha384').update(written).digest('base64')}`;
        integrities[prefix + fileName] = integrity;
        // Chunks are never script tags of their own: the loader's snippet (below) pins them.
        if (prefix || fileName === 'advocacy.js') continue;
        const url = `https://cdn.jsdelivr.net/npm/@advocacy/widgets@${widgetsVersion}/dist/cdn/${fileName}`;
        console.warn(
          `${fileName}\n  <script type="module" src="${url}" integrity="${integrity}" crossorigin="anonymous"></script>` +
            `\n  or self-hosted: <API origin>/cdn/${widgetsVersion}/${fileName} (served by npm start; same bytes, same hash)`,
        );
      }
      const sorted = Object.fromEntries(Object.entries(integrities).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(join(widgetsDir, 'dist/cdn/sri.json'), `${JSON.stringify({ version: widgetsVersion, files: sorted }, null, 2)}\n`);
    },
  };
}

/**
 * The tags to paste for the loader: an import map whose `integrity` pins
 * every chunk the loader may import (browsers check it on dynamic imports
 * too), then the loader itself with its own hash.
 */
function loaderSnippet() {
  return {
    name: 'loader-snippet',
    writeBundle() {
      const base = `https://cdn.jsdelivr.net/npm/@advocacy/widgets@${widgetsVersion}/dist/cdn/`;
      const chunkHashes = Object.entries(integrities).filter(([file]) => file.startsWith('chunks/'));
      const importMap = JSON.stringify({ integrity: Object.fromEntries(chunkHashes.map(([file, hash]) => [base + file, hash])) });
      console.warn(
        `advocacy.js (the loader: each widget's chunk on first use)\n  <script type="importmap">${importMap}</script>` +
          `\n  <script type="module" src="${base}advocacy.js" integrity="${integrities['advocacy.js']}" crossorigin="anonymous"></script>` +
          `\n  or self-hosted: the same with <API origin>/cdn/${widgetsVersion}/ in place of ${base} (same bytes, same hashes)`,
      );
    },
  };
}

/**
 * A self-contained, minified browser bundle (Lit, nanostores and zod/mini
 * inlined) built from the widgets' compiled output, for production:
 * nanostores' `process.env.NODE_ENV` checks are replaced and dropped.
 */
function cdnBundle(input, fileName) {
  return {
    input,
    // One file: code the sources import on demand (the SDK's admin routes) is inlined.
    output: { file: join(widgetsDir, 'dist/cdn', fileName), format: 'es', sourcemap: true, inlineDynamicImports: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      subresourceIntegrity(),
    ],
    onwarn(warning, warn) {
      // zod ships comments Rollup cannot place and a harmless internal cycle; ours would fail the build above.
      const fromDependency = (warning.id ?? warning.ids?.[0] ?? warning.cycle?.[0] ?? '').includes('node_modules');
      if (fromDependency && (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY')) return;
      warn(warning);
    },
  };
}

/**
 * The code-split CDN build (issue 17): the core chunk, the hydration chunk and one chunk per tag,
 * with content-hashed names under dist/cdn/chunks/, and the chunks Rollup shares between them.
 * Writes chunks/manifest.json (what the loader needs) and adds every chunk to sri.json.
 */
const chunkInputs = {
  core: join(widgetsDir, 'dist/cdn-core.js'),
  hydrate: join(widgetsDir, 'dist/ssr/hydrate-support.js'),
  ...Object.fromEntries(defineFiles.map((file) => [file.replace(/\.ts$/, ''), join(widgetsDir, 'dist/define', file.replace(/\.ts$/, '.js'))])),
};
const chunksDir = join(widgetsDir, 'dist/cdn/chunks');

function chunkManifest() {
  return {
    name: 'chunk-manifest',
    writeBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((output) => output.type === 'chunk' && output.isEntry);
      const fileOf = (name) => `chunks/${entries.find((chunk) => chunk.name === name).fileName}`;
      const manifest = {
        core: fileOf('core'),
        hydrate: fileOf('hydrate'),
        widgets: Object.fromEntries(Object.keys(chunkInputs).filter((name) => name.startsWith('adv-')).map((name) => [name, fileOf(name)])),
      };
      writeFileSync(join(chunksDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

function cdnChunks() {
  const bundle = cdnBundle(chunkInputs, 'chunks');
  return {
    ...bundle,
    preserveEntrySignatures: 'exports-only',
    output: {
      dir: chunksDir,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name]-[hash].js',
      chunkFileNames: '[name]-[hash].js',
      hashCharacters: 'hex',
      // Shared code under this many bytes joins a chunk that needs it rather than being a request of its own.
      experimentalMinChunkSize: 4_000,
    },
    plugins: [...bundle.plugins.map((plugin) => (plugin.name === 'subresource-integrity' ? subresourceIntegrity('chunks/') : plugin)), chunkManifest()],
  };
}

/** The loader (advocacy.js), with the chunk manifest the build just wrote in place of `__ADV_CHUNKS__`. */
function cdnLoader() {
  const bundle = cdnBundle(join(widgetsDir, 'dist/loader/advocacy-loader.js'), 'advocacy.js');
  return {
    ...bundle,
    plugins: [replace({ preventAssignment: true, values: { __ADV_CHUNKS__: () => readFileSync(join(chunksDir, 'manifest.json'), 'utf8').trim() } }), ...bundle.plugins, loaderSnippet()],
  };
}

export default [
  packageBuild('packages/sdk', ['index.ts', 'browser.ts', 'contract/index.ts', 'share/index.ts']),
  packageBuild(widgetsDir, ['index.ts', 'cdn.ts', 'cdn-core.ts', 'loader/advocacy-loader.ts', 'admin.ts', 'cdn-admin.ts', 'ssr/index.ts', 'ssr/hydrate.ts', 'ssr/hydrate-support.ts', ...defineFiles.map((file) => `define/${file}`)]),
  packageBuild('packages/react', ['index.ts']),
  cdnChunks(),
  cdnLoader(),
  // Every employee and career widget in one file, for those who want one file rather than the loader.
  cdnBundle(join(widgetsDir, 'dist/cdn.js'), 'advocacy.bundle.js'),
  // The admin widgets (programme console) alone, with their own SRI: employee and career pages never load them.
  cdnBundle(join(widgetsDir, 'dist/cdn-admin.js'), 'advocacy-admin.js'),
  // advocacy.bundle.js plus Lit's hydration support, for pages with server-rendered widgets (@advocacy/widgets/ssr).
  cdnBundle(join(widgetsDir, 'dist/ssr/hydrate.js'), 'advocacy-hydrate.js'),
  // The SDK's browser entry alone, measured by npm run size against its own budget.
  cdnBundle('packages/sdk/dist/browser.js', 'advocacy-sdk.js'),
  ...defineFiles.map((file) =>
    cdnBundle(join(widgetsDir, 'dist/define', file.replace(/\.ts$/, '.js')), file.replace(/\.ts$/, '.js')),
  ),
  {
    ...packageBuild('packages/server', ['main.ts', 'index.ts', 'cli/advocacy-admin.ts'], [copyMigrations()]),
    external: (id) => externalPackages(id) || builtinModules.includes(id),
  },
  // The demo, apart from the API: it imports @advocacy/server (built just above) like any extension would.
  {
    ...packageBuild('packages/demo', ['main.ts', 'index.ts']),
    external: (id) => externalPackages(id) || builtinModules.includes(id),
  },
];
