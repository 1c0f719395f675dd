#!/usr/bin/env node
// advocacy-admin: sets an organisation up (origins, keys, identity provider,
// settings) on the database the server uses: DATABASE_URL, else the embedded
// database in DATA_DIR (`.data`). See `advocacy-admin --help`.
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { listOrganisations, type OrganisationSummary } from '../domain/organisations.js';
import type { Db } from '../db/db.js';
import { HttpProblem } from '../http/problem.js';
import { readServerEnv } from '../server-env.js';
import { COMMANDS, flagOf, UsageError, type Command } from './commands.js';

// Readable validation messages ("Too big: expected int to be <=1000"), as the API gives them.
z.config(z.locales.en());

const PROGRAM = 'advocacy-admin';
const GLOBAL_OPTIONS = {
  org: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Exit codes: 0 done, 1 refused or failed (not found, conflict, a token the API would refuse, database unreachable), 2 bad command line or input. */
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
/** One line on stderr: never a stack trace. */
const fail = (message: string): void => {
  process.stderr.write(`${PROGRAM}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
};

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} <command> [arguments] [--org <slug>] [--json]`,
    '',
    'Sets an organisation up on the database the server uses: DATABASE_URL=postgres://… when set,',
    'else the embedded database in DATA_DIR (default .data; stop the server first, it holds that folder).',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options for every command:',
    '  --org <slug>  The organisation to work on (default: the only one).',
    '  --json        Machine-readable output on stdout.',
    '  --help, -h    Help for a command: advocacy-admin keys create --help',
    '',
    'Exit codes: 0 done; 1 refused or failed; 2 bad command line or input. Errors are one line on stderr.',
    'Every change is written to the organisation’s audit log with the actor "cli".',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `Usage: ${PROGRAM} ${command.name}${command.usage ? ` ${command.usage}` : ''}${command.scoped ? ' [--org <slug>]' : ''} [--json]`,
    '',
    command.summary,
    ...(command.details.length > 0 ? ['', ...command.details.map((line) => `  ${line}`)] : []),
    ...(command.scoped ? ['', '  --org <slug> The organisation (default: the only one).'] : []),
    '  --json       Machine-readable output on stdout.',
  ].join('\n');
}

function groupHelp(group: string): string | undefined {
  const commands = COMMANDS.filter((command) => command.name.startsWith(`${group} `));
  if (commands.length === 0) return undefined;
  return [`Usage: ${PROGRAM} ${group} <${commands.map((command) => command.name.slice(group.length + 1)).join('|')}> …`, '', ...commands.map((command) => `  ${command.name}  ${command.summary}`), '', `Help for one: ${PROGRAM} ${commands[0]!.name} --help`].join('\n');
}

/** The command words (`keys create`) and where they are, skipping global options given before them. */
function findCommand(argv: readonly string[]): { command: Command | undefined; words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (words.length < 2 && !arg.startsWith('-') && !(index > 0 && argv[index - 1] === '--org')) {
      words.push(arg);
      if (words.length === 2 || !COMMANDS.some((command) => command.name.startsWith(`${words[0]} `))) {
        rest.push(...argv.slice(index + 1));
        break;
      }
      continue;
    }
    rest.push(arg);
  }
  const command = COMMANDS.find((candidate) => candidate.name === words.join(' '));
  return { command, words, rest };
}

async function chooseOrganisation(db: Db, slug: string | undefined): Promise<OrganisationSummary> {
  const organisations = await listOrganisations(db);
  const slugs = organisations.map((organisation) => organisation.slug).join(', ');
  if (slug !== undefined) {
    const found = organisations.find((organisation) => organisation.slug === slug);
    if (!found) throw new HttpProblem(404, 'organisation-not-found', { detail: `No organisation has the slug "${slug}"${organisations.length > 0 ? ` (there are: ${slugs})` : ''}.` });
    return found;
  }
  if (organisations.length === 1) return organisations[0]!;
  if (organisations.length === 0) {
    throw new HttpProblem(404, 'no-organisation', { detail: `There is no organisation yet: create one with ${PROGRAM} org create --name "Acme" --slug acme.` });
  }
  throw new UsageError(`There are ${organisations.length} organisations (${slugs}): say which one with --org <slug>.`);
}

/** A refusal from the domain or a schema, as one line: what and where. */
function describeProblem(problem: HttpProblem): string {
  const fields = (problem.errors ?? []).map((error) => `${flagOf(error.field)}: ${error.message}`);
  // A bad value: the option and what it must be say it all. Otherwise the detail first (a conflict, a missing row).
  if (problem.status === 400 && fields.length > 0) return `${fields.join('; ')}.`;
  return [problem.detail ?? problem.title, ...fields].join(' — ');
}

async function main(argv: readonly string[]): Promise<number> {
  const { command, words, rest } = findCommand(argv);
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  if (!command) {
    const group = words[0] === undefined ? undefined : groupHelp(words[0]);
    if (words.length === 0 || (group && wantsHelp)) {
      out(words.length === 0 ? topHelp() : group!);
      return words.length === 0 && !wantsHelp ? EXIT_USAGE : 0;
    }
    fail(group ? `"${words.join(' ')}" is not a command; ${group.split('\n')[0]!.replace('Usage: ', '')} (see --help).` : `Unknown command "${words.join(' ')}" (see ${PROGRAM} --help).`);
    return EXIT_USAGE;
  }
  if (wantsHelp) {
    out(commandHelp(command));
    return 0;
  }

  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options: { ...command.options, ...GLOBAL_OPTIONS }, allowPositionals: true, strict: true }));
  } catch (error) {
    // parseArgs explains how to pass a value starting with "-"; the first sentence is what matters.
    fail(`${error instanceof Error ? (error.message.split('. To specify')[0] ?? error.message) : String(error)} (see ${PROGRAM} ${command.name} --help).`);
    return EXIT_USAGE;
  }
  const json = values['json'] === true;
  const [min, max] = command.positionals;
  if (positionals.length < min || positionals.length > max) {
    fail(`${min === max && min === 0 ? `${command.name} takes no argument` : `${command.name} takes ${command.usage}`}${positionals.length > max ? `, not "${positionals.slice(max).join(' ')}"` : ''} (see ${PROGRAM} ${command.name} --help).`);
    return EXIT_USAGE;
  }

  // Input first: a typo is refused before the database is opened (or found held by a server).
  const run = command.check({ values, positionals });
  const env = readServerEnv(process.env);
  const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, holder: PROGRAM });
  try {
    await migrate(db);
    const slug = values['org'];
    const organisation = command.scoped ? await chooseOrganisation(db, typeof slug === 'string' ? slug : undefined) : undefined;
    const result = await run({ db, organisation, by: { actor: 'cli', now: new Date() }, demoMode: env.demoMode });
    out(json ? JSON.stringify(result.json, null, 2) : result.text);
    if (result.exitCode) fail(result.text.split('\n')[0]!);
    return result.exitCode ?? 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      fail(error.message);
      process.exitCode = EXIT_USAGE;
    } else if (error instanceof HttpProblem) {
      fail(describeProblem(error));
      process.exitCode = error.status === 400 ? EXIT_USAGE : EXIT_REFUSED;
    } else {
      fail(error instanceof Error ? error.message || error.name : String(error));
      process.exitCode = EXIT_REFUSED;
    }
  },
);
