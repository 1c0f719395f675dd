// npm start: build what is missing or out of date, then run the API (embedded
// PGlite in .data/ unless DATABASE_URL is set) with the start page, and the demo
// (@advocacy/demo) unless NODE_ENV=production.
import { spawn } from 'node:child_process';
import { ensureBuilt } from './ensure-built.mjs';

const status = ensureBuilt();
if (status !== 0) process.exit(status);

// The demo (its organisation, token routes and pages) is a part of its own, plugged in unless NODE_ENV=production.
const entry = process.env.NODE_ENV === 'production' ? 'packages/server/dist/main.js' : 'packages/demo/dist/main.js';
const server = spawn(process.execPath, [entry], { stdio: 'inherit' });

// Ctrl-C reaches the server too (same process group); wait for it to close the database.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
