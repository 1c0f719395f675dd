// Writes <file>.br (brotli) and <file>.gz (gzip, level 9) beside each .js,
// .css, .json and .map file the server sends to other origins (the CDN folder
// and the themes), so that it sends them compressed without compressing per
// request (@fastify/static's preCompressed), and the bytes npm run size
// measures (brotli quality 11, the same settings) are the bytes sent. Source
// maps, which only developer tools fetch, get quality 9: 8% bigger, and a
// tenth of the time quality 11 takes on them (most of this step's time).
//
// A sibling is written only when it is smaller than the file, and the .br only
// when it is also smaller than the .gz (else a brotli client gets the .gz): the
// three answers then differ in size, so their ETags (size and mtime) differ
// too. A sibling that is stale (does not decode to the file), useless, or
// whose file is gone is removed, since the server would send it as that file.
// Running it again changes nothing. npm run build runs it, and so does
// ensure-built (npm start, the e2e tests), which catches a theme edited since:
// a theme edited while the server runs is sent stale to clients that accept
// brotli or gzip until then.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

/** The folders the server serves to other origins (/cdn/ and /themes/). */
export const SERVED_FOLDERS = ['packages/widgets/dist/cdn', 'packages/themes'];

const COMPRESSIBLE = /\.(?:js|css|json|map)$/;
const SIBLING = /\.(?:br|gz)$/;

const encodings = [
  {
    extension: '.br',
    encode: (source, file) =>
      brotliCompressSync(source, {
        params: { [constants.BROTLI_PARAM_QUALITY]: file.endsWith('.map') ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
      }),
    decode: (bytes) => brotliDecompressSync(bytes),
  },
  { extension: '.gz', encode: (source) => gzipSync(source, { level: 9 }), decode: (bytes) => gunzipSync(bytes) },
];

/** Every file under the folder, relative to it, skipping dot entries and node_modules. */
function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    if (entry.isDirectory()) return filesUnder(join(folder, entry.name)).map((file) => join(entry.name, file));
    return entry.isFile() ? [entry.name] : [];
  });
}

/** Writes the whole file or nothing: a server running meanwhile never sends half a sibling. */
function writeAtomically(path, bytes) {
  // A dot name: the server denies dotfiles, and filesUnder skips them.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/** The sibling's bytes when it exists and decodes to the source. */
function currentSibling(path, source, decode) {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  try {
    return decode(bytes).equals(source) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Brings the .br and .gz siblings of every compressible file in the folder up
 * to date. Returns what it did, as paths relative to the folder.
 */
export function precompress(folder) {
  const result = { written: [], removed: [], unchanged: [] };
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return result;
  const files = filesUnder(folder);
  const present = new Set(files);
  for (const file of files) {
    // A sibling whose file is gone (or is not one this script writes for) is removed.
    if (SIBLING.test(file)) {
      const original = file.slice(0, -3);
      if (COMPRESSIBLE.test(original) && !present.has(original)) {
        rmSync(join(folder, file));
        result.removed.push(file);
      }
      continue;
    }
    if (!COMPRESSIBLE.test(file)) continue;
    const source = readFileSync(join(folder, file));
    let limit = source.length;
    // gzip first: the .br must beat it.
    for (const { extension, encode, decode } of [...encodings].reverse()) {
      const path = join(folder, file + extension);
      const existing = currentSibling(path, source, decode);
      const bytes = existing ?? encode(source, file);
      if (bytes.length >= limit) {
        if (existsSync(path)) {
          rmSync(path);
          result.removed.push(file + extension);
        }
        continue;
      }
      limit = bytes.length;
      if (existing) {
        result.unchanged.push(file + extension);
      } else {
        writeAtomically(path, bytes);
        result.written.push(file + extension);
      }
    }
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : SERVED_FOLDERS;
  for (const folder of folders) {
    const { written, removed } = precompress(folder);
    if (written.length + removed.length > 0) console.log(`precompress ${folder}: ${written.length} written, ${removed.length} removed`);
  }
}
