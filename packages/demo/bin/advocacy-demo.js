#!/usr/bin/env node
// Checked in, so npm links the command even before the first build; the demo itself is built into dist/.
import { existsSync } from 'node:fs';

const built = new URL('../dist/main.js', import.meta.url);
if (!existsSync(built)) {
  console.error('advocacy-demo: @advocacy/demo is not built yet: run `npm run build` first.');
  process.exit(1);
}
await import(built.href);
