// Builds a small entry exactly as rollup.config.mjs builds the CDN bundle
// (the same plugins, terser options and output format, read from the config
// itself), so a floor measured beside advocacy.bundle.js is built the same way.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup, type OutputOptions, type Plugin } from 'rollup';
import { loadConfigFile } from 'rollup/loadConfigFile';

export const CDN_DIR = 'packages/widgets/dist/cdn';

/** Runs `npm run build` when the CDN bundle is missing. */
export function ensureCdnBuilt(): void {
  if (existsSync(join(CDN_DIR, 'advocacy.js'))) return;
  console.log(`No ${CDN_DIR}/advocacy.js: running npm run build…`);
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

export interface Sizes {
  minified: number;
  gzip: number;
  brotli: number;
}

/** Minified, gzip -9 and brotli -11 bytes, as scripts/size.mjs counts them. */
export function sizesOf(source: Buffer | string): Sizes {
  const bytes = typeof source === 'string' ? Buffer.from(source) : source;
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

export function sizesOfFile(path: string): Sizes {
  return sizesOf(readFileSync(path));
}

const ENTRY_ID = '\0bench-entry';

/** The entry's source as a virtual module: its imports resolve from the repository root. */
function virtualEntry(source: string): Plugin {
  return {
    name: 'bench-entry',
    resolveId: (id) => (id === ENTRY_ID ? ENTRY_ID : null),
    load: (id) => (id === ENTRY_ID ? source : null),
  };
}

/**
 * Builds `source` (an ES module) with the plugins of rollup.config.mjs's
 * advocacy.bundle.js bundle, minus the one that writes the SRI manifest, into a new
 * temporary folder. Returns the path of the written file.
 */
export async function buildLikeCdn(source: string, fileName: string): Promise<string> {
  const { options, warnings } = await loadConfigFile(resolve('rollup.config.mjs'), {});
  warnings.flush();
  const cdn = options.find((config) => config.output.some((output) => output.file?.endsWith('/advocacy.bundle.js')));
  const cdnOutput = cdn?.output[0];
  if (!cdn || !cdnOutput) throw new Error('rollup.config.mjs has no advocacy.bundle.js bundle');
  const plugins = (cdn.plugins ?? []).filter((plugin): plugin is Plugin => Boolean(plugin) && (plugin as Plugin).name !== 'subresource-integrity');
  const dir = await mkdtemp(join(tmpdir(), 'adv-bench-'));
  const file = join(dir, fileName);
  const bundle = await rollup({ ...cdn, input: ENTRY_ID, plugins: [virtualEntry(source), ...plugins] });
  try {
    const output: OutputOptions = { ...cdnOutput, file };
    await bundle.write(output);
  } finally {
    await bundle.close();
  }
  return file;
}

/** What advocacy.js cannot do without: Lit, @lit/context and nanostores, each really used. */
export const FLOOR_ENTRY = `
import { LitElement, html, css } from 'lit';
import { ContextConsumer, createContext } from '@lit/context';
import { atom } from 'nanostores';

const greetingContext = createContext('bench-greeting');
const $greeting = atom({ name: 'world', count: 0 });

export class BenchFloor extends LitElement {
  static styles = css\`:host { display: block; color: var(--bench-color, inherit); }\`;
  static properties = { data: { state: true } };
  greeting = new ContextConsumer(this, { context: greetingContext, subscribe: true });
  connectedCallback() {
    super.connectedCallback();
    this.unsubscribe = $greeting.subscribe((value) => { this.data = value; });
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }
  render() {
    return html\`<p>Hello \${this.greeting.value ?? this.data?.name} (\${this.data?.count})</p>\`;
  }
}
customElements.define('bench-floor', BenchFloor);
`;

/**
 * The render floor: a trivial Lit element rendering static text, which
 * announces its first render with the same event the widgets use.
 */
export const LIT_HELLO_ENTRY = `
import { LitElement, html, css } from 'lit';

class BenchHello extends LitElement {
  static styles = css\`:host { display: block; }\`;
  render() {
    return html\`<p>Hello, world</p>\`;
  }
  firstUpdated() {
    this.dispatchEvent(new Event('adv-load', { bubbles: true, composed: true }));
  }
}
customElements.define('bench-hello', BenchHello);
`;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's `mappings` into [generatedColumn, sourceIndexDelta?] pairs. */
function decodeLine(line: string): [number, number | undefined][] {
  const segments: [number, number | undefined][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0] ?? 0;
    segments.push([column, values.length >= 4 ? values[1] : undefined]);
  }
  return segments;
}

/**
 * Splits a minified file into parts by where each byte came from (its source
 * map), as source-map-explorer does: `group` names the part of a source path.
 * Returns the minified text of each part; bytes no source claims go to "(unmapped)".
 */
export function splitBySourceMap(file: string, group: (source: string) => string): Map<string, string> {
  const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const parts = new Map<string, string[]>();
  const add = (name: string, text: string) => {
    if (text) parts.set(name, [...(parts.get(name) ?? []), text]);
  };
  const codeLines = code.split('\n');
  // Source indices are deltas across the whole mappings string, not per line.
  let sourceIndex = 0;
  let current = '(unmapped)';
  map.mappings.split(';').forEach((mappingLine, lineNumber) => {
    const text = codeLines[lineNumber] ?? '';
    const segments = decodeLine(mappingLine);
    // A line that starts inside a multi-line template literal (CSS, markup) has no segment
    // at its start: that text belongs to the source of the previous line's last segment.
    add(current, text.slice(0, segments[0]?.[0] ?? text.length));
    segments.forEach(([column, delta], index) => {
      if (delta !== undefined) sourceIndex += delta;
      current = delta === undefined ? '(unmapped)' : group(map.sources[sourceIndex] ?? '');
      add(current, text.slice(column, segments[index + 1]?.[0] ?? text.length));
    });
  });
  return new Map([...parts].map(([name, texts]) => [name, texts.join('')]));
}

/** For a minified file with a source map: the source path a (0-based) line and column came from. */
export function sourceLookup(file: string): (line: number, column: number) => string | undefined {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  let sourceIndex = 0;
  const lines = map.mappings.split(';').map((mappingLine) =>
    decodeLine(mappingLine).map(([column, delta]): [number, number | undefined] => {
      if (delta === undefined) return [column, undefined];
      sourceIndex += delta;
      return [column, sourceIndex];
    }),
  );
  return (line, column) => {
    let found: number | undefined;
    for (const [start, index] of lines[line] ?? []) {
      if (start > column) break;
      found = index;
    }
    return found === undefined ? undefined : map.sources[found];
  };
}
