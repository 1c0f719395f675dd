// A web-test-runner plugin that serves React to the browser tests as ES
// modules. React 19 ships CommonJS only, which a browser cannot import; the
// other browser tests need nothing like it. esbuild (already installed with
// @web/dev-server-esbuild) bundles the entries below once, in memory, with
// code splitting, so `react` and `react-dom/client` share one copy of React
// (two copies would break hooks). Each entry re-exports the CommonJS module's
// names, read from the module itself, plus its default export.
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { build } from 'esbuild';

const PREFIX = '/__react-esm/';
const ENTRIES = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];
const fileFor = (specifier) => `${specifier.replace(/\//g, '__')}.js`;

/**
 * The names each entry exports, read in a child process: loading React in the
 * runner's own process would write to its console, which the runner owns.
 */
function exportedNames() {
  const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(ENTRIES)}.map((s) => [s, Object.keys(require(s))]))))`;
  const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } });
  return JSON.parse(output);
}

/** `import m from 'x'; export default m; export const { a, b } = m;` for one CommonJS module. */
function reexport(specifier, allNames) {
  const names = allNames[specifier].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return `import m from ${JSON.stringify(specifier)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
}

async function bundle() {
  const names = exportedNames();
  const result = await build({
    entryPoints: Object.fromEntries(ENTRIES.map((specifier) => [fileFor(specifier).replace(/\.js$/, ''), `react-esm:${specifier}`])),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    plugins: [
      {
        name: 'react-esm-entries',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^react-esm:/ }, (args) => ({ path: args.path.slice('react-esm:'.length), namespace: 'react-esm' }));
          esbuild.onLoad({ filter: /.*/, namespace: 'react-esm' }, (args) => ({ contents: reexport(args.path, names), resolveDir: process.cwd(), loader: 'js' }));
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path), file.text]));
}

export function reactEsm() {
  /** @type {Promise<Map<string, string>> | undefined} */
  let files;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return ENTRIES.includes(source) ? `${PREFIX}${fileFor(source)}` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
