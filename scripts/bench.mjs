// npm run bench [name]: runs bench/*.bench.ts one after the other (never in parallel: they measure).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync('bench')
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();
let failed = false;
for (const file of benches) {
  console.log(`\n# ${file}`);
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
