// Empties every package's dist/ before a build, so a file moved or deleted in
// the sources (the demo left @advocacy/server) never lingers in a package.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

for (const name of readdirSync('packages')) rmSync(join('packages', name, 'dist'), { recursive: true, force: true });
