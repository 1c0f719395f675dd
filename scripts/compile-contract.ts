// Compiles the contract's zod/mini schemas into the client's checks:
// writes packages/sdk/src/compiled-contract/routes.ts, admin-routes.ts and
// all-routes.ts, the route tables the SDK calls with (method, path, audience,
// and a check for each input and answer).
//
//   npm run compile-contract                       writes the file
//   npx tsx scripts/compile-contract.ts --stdout   prints it instead
//
// Run it after any change under packages/sdk/src/contract/;
// test/sdk/compiled-contract.test.ts fails when the file is stale, and checks
// with fast-check that the compiled checks give zod's verdicts.
//
// Answers are compiled whole: a rule this compiler cannot express (a refine
// function, a URL format, a pipe) fails the build, so every answer is checked
// as zod would. Inputs drop their refine functions (URL safety, storable text,
// date windows): the client checks types, lengths, patterns and keys before
// sending, and the server, which runs zod, answers 400 for the rest.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as contract from '../packages/sdk/src/contract/index.js';

const OUTPUT_DIR = 'packages/sdk/src/compiled-contract';

/** The parts of zod's internal definitions this compiler reads. */
interface ZodDefinition {
  type: string;
  check?: string;
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
  checks?: readonly { _zod: { def: ZodDefinition & { minimum?: number; maximum?: number; value?: number; inclusive?: boolean; tx?: (value: string) => string } } }[];
  shape?: Record<string, ZodSchema>;
  catchall?: ZodSchema;
  element?: ZodSchema;
  keyType?: ZodSchema;
  valueType?: ZodSchema;
  partial?: boolean;
  mode?: string;
  innerType?: ZodSchema;
  defaultValue?: unknown;
  options?: readonly ZodSchema[];
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
}
interface ZodSchema {
  _zod: { def: ZodDefinition; values?: Set<unknown> };
}

type Direction = 'answer' | 'input';

const isSchema = (value: unknown): value is ZodSchema =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as ZodSchema)._zod.def?.type === 'string';

const literal = (value: unknown): string => {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value);
  throw new Error(`Cannot compile the literal ${String(value)}.`);
};

const regex = (pattern: RegExp): string => {
  // A global or sticky pattern keeps state between test() calls.
  if (/[gy]/.test(pattern.flags)) throw new Error(`Cannot compile the stateful pattern ${pattern}.`);
  return `/${pattern.source}/${pattern.flags}`;
};

const propertyKey = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

const rules = (entries: Record<string, string | undefined>): string => {
  const written = Object.entries(entries).filter(([, value]) => value !== undefined);
  return written.length === 0 ? '' : `{ ${written.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
};

class ContractCompiler {
  /** Exported schemas of the contract, by identity: `ContentSchema` becomes the constant `Content`. */
  readonly #names = new Map<ZodSchema, string>();
  /** The constant written for each named schema, per direction, with its expression. */
  readonly #written = new Map<ZodSchema, Partial<Record<Direction, { constant: string; expression: string }>>>();
  readonly #constants: string[] = [];
  /** The checks.ts exports the written expressions use, for the generated import. */
  readonly used = new Set<string>();

  constructor(exports: Record<string, unknown>) {
    for (const [name, value] of Object.entries(exports)) {
      if (isSchema(value) && name.endsWith('Schema') && !this.#names.has(value)) this.#names.set(value, name.slice(0, -'Schema'.length));
    }
  }

  get constants(): readonly string[] {
    return this.#constants;
  }

  /**
   * The expression of a schema's check. A named schema becomes a constant,
   * written once; its input form (refine functions dropped) is a second
   * constant, `…Input`, only when it differs. Compile every answer first.
   */
  compile(schema: ZodSchema, direction: Direction, where: string): string {
    const name = this.#names.get(schema);
    if (name === undefined) return this.#expression(schema, direction, where);
    const written = this.#written.get(schema) ?? {};
    this.#written.set(schema, written);
    const existing = written[direction];
    if (existing) return existing.constant;
    const expression = this.#expression(schema, direction, where);
    if (direction === 'input' && written.answer?.expression === expression) {
      written.input = written.answer;
      return written.answer.constant;
    }
    const constant = direction === 'input' && written.answer ? `${name}Input` : name;
    written[direction] = { constant, expression };
    this.#constants.push(`export const ${constant}: Check = ${expression};`);
    return constant;
  }

  #expression(schema: ZodSchema, direction: Direction, where: string): string {
    const expression = this.#write(schema, direction, where);
    this.used.add(/^\w+/.exec(expression)![0]);
    return expression;
  }

  #write(schema: ZodSchema, direction: Direction, where: string): string {
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    const refusal = (what: string) => new Error(`${where}: cannot compile ${what} (${def.type}).`);
    /** Refine functions: refused in answers, left to the server in inputs. */
    const kept = checks.filter((check) => {
      if (check.check !== 'custom') return true;
      if (direction === 'answer') throw refusal('a refine function in an answer');
      return false;
    });
    const onlyChecks = (allowed: readonly string[]) => {
      for (const check of kept) if (!allowed.includes(check.check ?? '')) throw refusal(`the check "${check.check}"`);
    };
    /** A string's or an array's length limits, as written in `rules()`: the strictest when a limit is given twice. */
    const lengths = () => {
      const mins = kept.filter((check) => check.check === 'min_length').map((check) => check.minimum!);
      const maxes = kept.filter((check) => check.check === 'max_length').map((check) => check.maximum!);
      return { min: mins.length ? String(Math.max(...mins)) : undefined, max: maxes.length ? String(Math.min(...maxes)) : undefined };
    };

    switch (def.type) {
      case 'string': {
        onlyChecks(['min_length', 'max_length', 'string_format', 'overwrite']);
        const patterns: string[] = [];
        if (def.format) {
          if (!def.pattern) throw refusal(`the format "${def.format}"`);
          patterns.push(regex(def.pattern));
        }
        let trim: string | undefined;
        kept.forEach((check, index) => {
          if (check.check === 'overwrite') {
            // Only trim, and only first: the checks after it see the trimmed text.
            if (index !== 0 || check.tx?.('  a  ') !== 'a') throw refusal('a transform other than a leading trim');
            trim = 'true';
          } else if (check.check === 'string_format') {
            if (!check.pattern) throw refusal(`the format "${check.format}"`);
            patterns.push(regex(check.pattern));
          }
        });
        return `string(${rules({ trim, ...lengths(), patterns: patterns.length ? `[${patterns.join(', ')}]` : undefined })})`;
      }
      case 'number': {
        onlyChecks(['greater_than', 'less_than', 'number_format']);
        const found: Record<string, string | undefined> = { coerce: def.coerce ? 'true' : undefined };
        const integerFormat = (format: string | undefined) => {
          if (format !== 'safeint') throw refusal(`the number format "${format}"`);
          found.integer = 'true';
        };
        if (def.format) integerFormat(def.format);
        for (const check of kept) {
          if (check.check === 'number_format') integerFormat(check.format);
          else if (check.check === 'greater_than') found[check.inclusive ? 'min' : 'above'] = String(check.value);
          else found[check.inclusive ? 'max' : 'below'] = String(check.value);
        }
        return `number(${rules(found)})`;
      }
      case 'boolean':
        onlyChecks([]);
        if (def.coerce) throw refusal('a coerced boolean');
        return 'boolean';
      case 'unknown':
        onlyChecks([]);
        return 'unknown';
      case 'null':
        return 'oneOf([null])';
      case 'literal':
        return `oneOf([${(def.values ?? []).map(literal).join(', ')}])`;
      case 'enum':
        return `oneOf([${Object.values(def.entries ?? {}).map(literal).join(', ')}])`;
      case 'array': {
        onlyChecks(['min_length', 'max_length']);
        const item = this.compile(def.element!, direction, `${where}[]`);
        const limits = rules(lengths());
        return limits ? `array(${item}, ${limits})` : `array(${item})`;
      }
      case 'object': {
        onlyChecks([]);
        const catchall = def.catchall?._zod.def.type;
        const unknownKeys = catchall === undefined ? 'strip' : catchall === 'never' ? 'strict' : catchall === 'unknown' ? 'loose' : undefined;
        if (!unknownKeys) throw refusal(`a catchall of type ${catchall}`);
        const properties = Object.entries(def.shape ?? {}).map(
          ([key, value]) => `${propertyKey(key)}: ${this.compile(value, direction, `${where}.${key}`)}`,
        );
        const shape = properties.length === 0 ? '{}' : `{ ${properties.join(', ')} }`;
        return unknownKeys === 'strip' ? `object(${shape})` : `object(${shape}, '${unknownKeys}')`;
      }
      case 'record': {
        onlyChecks([]);
        // zod requires every key of an enum-keyed record unless it is partial.
        if (def.keyType!._zod.values && !def.partial) throw refusal('an exhaustive record');
        if (def.mode === 'loose') throw refusal('a loose record');
        return `record(${this.compile(def.keyType!, direction, `${where}{key}`)}, ${this.compile(def.valueType!, direction, `${where}{value}`)})`;
      }
      case 'nullable':
        return `nullable(${this.compile(def.innerType!, direction, where)})`;
      case 'optional':
        return `optional(${this.compile(def.innerType!, direction, where)})`;
      case 'default':
        return `withDefault(${this.compile(def.innerType!, direction, where)}, ${literal(def.defaultValue)})`;
      case 'union':
        return `union([${(def.options ?? []).map((option, index) => this.compile(option, direction, `${where}|${index}`)).join(', ')}])`;
      default:
        throw refusal('this kind of schema');
    }
  }
}

/** The check expression of one schema, as the generated file would write it (for tests). */
export function compileSchema(schema: unknown, direction: Direction): string {
  return new ContractCompiler({}).compile(schema as ZodSchema, direction, 'schema');
}

/** Constant names an expression refers to (the constants are PascalCase, the checks.ts helpers camelCase). */
const referencedConstants = (expression: string, constants: ReadonlyMap<string, string>): string[] =>
  [...new Set(expression.match(/\b[A-Z]\w*\b/g) ?? [])].filter((name) => constants.has(name));

/** Every constant the expressions need, directly or through other constants. */
function closure(expressions: readonly string[], constants: ReadonlyMap<string, string>): Set<string> {
  const needed = new Set<string>();
  const visit = (expression: string): void => {
    for (const name of referencedConstants(expression, constants)) {
      if (needed.has(name)) continue;
      needed.add(name);
      visit(constants.get(name)!);
    }
  };
  expressions.forEach(visit);
  return needed;
}

const HEADER = [
  '// Generated by scripts/compile-contract.ts from packages/sdk/src/contract/ (zod/mini): do not edit.',
  '// Rerun `npm run compile-contract` after changing the contract.',
];

/**
 * The generated files of packages/sdk/src/compiled-contract/, by name, for the
 * current contract: `routes.ts` (every route but the admin ones, and the
 * checks they need), `admin-routes.ts` (the admin routes, which the client
 * imports only when an admin call is made, so employee and career pages never
 * carry them), and `all-routes.ts` (the whole table, for tools and tests).
 */
export function compileContract(): Record<string, string> {
  const compiler = new ContractCompiler(contract);
  const routeEntries = Object.entries(contract.routes) as [string, contract.RouteDefinition][];
  // Answers first, so that an input identical to its answer form reuses that constant.
  const answers = routeEntries.map(([name, route]) =>
    Object.entries(route.responses).map(([status, schema]) => `${status}: ${compiler.compile(schema as unknown as ZodSchema, 'answer', `${name}.${status}`)}`),
  );
  compiler.compile(contract.ProblemSchema as unknown as ZodSchema, 'answer', 'problem');
  const routeLines = routeEntries.map(([name, route], index) => {
    const parts = [`method: '${route.method}'`, `path: '${route.path}'`, `audience: '${route.audience}'`];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = route[part];
      if (schema) parts.push(`${part}: ${compiler.compile(schema as unknown as ZodSchema, 'input', `${name}.${part}`)}`);
    }
    parts.push(`responses: { ${answers[index]!.join(', ')} }`);
    if (route.idempotent) parts.push('idempotent: true');
    return { admin: route.audience === 'admin', line: `  ${name}: { ${parts.join(', ')} },` };
  });

  // `export const Name: Check = expression;`, in dependency order.
  const constants = new Map(compiler.constants.map((line) => {
    const [, name, expression] = /^export const (\w+): Check = (.*);$/.exec(line)!;
    return [name!, expression!] as const;
  }));
  const commonLines = routeLines.filter((route) => !route.admin).map((route) => route.line);
  const adminLines = routeLines.filter((route) => route.admin).map((route) => route.line);
  const common = closure([...commonLines, 'Problem'], constants);
  const adminOnly = [...closure(adminLines, constants)].filter((name) => !common.has(name));
  const constantLines = (names: ReadonlySet<string>): string[] =>
    [...constants].filter(([name]) => names.has(name)).map(([name, expression]) => `export const ${name}: Check = ${expression};`);
  const checksImport = (text: string): string => {
    const used = [...compiler.used].sort().filter((helper) => new RegExp(`\\b${helper}\\b`).test(text));
    return `import { ${[...used, 'type Check'].join(', ')} } from './checks.js';`;
  };

  const commonBody = [
    ...constantLines(common),
    '',
    '/** Every route but the admin ones (admin-routes.ts). */',
    'export const commonRoutes = {',
    ...commonLines,
    "} as const satisfies Partial<Record<RouteName, CompiledRoute>>;",
    '',
  ].join('\n');
  const adminBody = [
    ...constantLines(new Set(adminOnly)),
    '',
    '/** The admin routes: imported by the client on the first admin call only. */',
    'export const adminRoutes = {',
    ...adminLines,
    "} as const satisfies Partial<Record<RouteName, CompiledRoute>>;",
    '',
  ].join('\n');
  const fromCommon = referencedConstants(adminBody, constants).filter((name) => common.has(name));
  return {
    'routes.ts': [
      ...HEADER,
      "import type { RouteName } from '../contract/routes.js';",
      "import type { CompiledRoute } from './compiled-route.js';",
      checksImport(commonBody),
      '',
      commonBody,
    ].join('\n'),
    'admin-routes.ts': [
      ...HEADER,
      "import type { RouteName } from '../contract/routes.js';",
      "import type { CompiledRoute } from './compiled-route.js';",
      checksImport(adminBody),
      ...(fromCommon.length ? [`import { ${fromCommon.sort().join(', ')} } from './routes.js';`] : []),
      '',
      adminBody,
    ].join('\n'),
    'all-routes.ts': [
      ...HEADER,
      "import type { RouteName } from '../contract/routes.js';",
      "import { adminRoutes } from './admin-routes.js';",
      "import type { CompiledRoute } from './compiled-route.js';",
      "import { commonRoutes } from './routes.js';",
      '',
      '/** Every route of the contract, compiled: for tools and tests (the client imports the admin routes on demand). */',
      'export const compiledRoutes = { ...commonRoutes, ...adminRoutes } as const satisfies Record<RouteName, CompiledRoute>;',
      '',
    ].join('\n'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [file, text] of Object.entries(compileContract())) {
    if (process.argv.includes('--stdout')) process.stdout.write(`// ${file}\n${text}`);
    else writeFileSync(join(OUTPUT_DIR, file), text);
  }
}
