// The client checks requests and answers with the contract compiled by
// scripts/compile-contract.ts. These tests hold it to zod/mini: the file is
// what the compiler makes from the current contract, and on values built from
// each schema (valid ones, then mutated) the compiled check gives zod's verdict
// and zod's output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ProblemSchema, routes, type RouteDefinition } from '@advocacy/sdk/contract';
import { runCheck, string, type Check } from '../../packages/sdk/src/compiled-contract/checks.js';
import { compiledRoutes } from '../../packages/sdk/src/compiled-contract/all-routes.js';
import { Problem } from '../../packages/sdk/src/compiled-contract/routes.js';
import { compileContract, compileSchema } from '../../scripts/compile-contract.js';

/** The parts of zod's definitions the value generator reads. */
interface Definition {
  type: string;
  format?: string;
  pattern?: RegExp;
  checks?: readonly { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; pattern?: RegExp } } }[];
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  options?: readonly z.ZodMiniType[];
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
}
const definitionOf = (schema: z.ZodMiniType): Definition => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** Values the schema accepts, mostly (a refine function can still refuse one). */
function validValues(schema: z.ZodMiniType): fc.Arbitrary<unknown> {
  const def = definitionOf(schema);
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const limit = (kind: string, key: 'minimum' | 'maximum') => checks.find((check) => check.check === kind)?.[key];
  switch (def.type) {
    case 'string': {
      const pattern = def.pattern ?? checks.find((check) => check.pattern)?.pattern;
      const minLength = limit('min_length', 'minimum') ?? 0;
      const maxLength = limit('max_length', 'maximum');
      if (!pattern) return fc.string({ minLength, maxLength: Math.min(maxLength ?? 30, 60), unit: 'grapheme' }).filter((value) => value.trim().length >= minLength);
      return fc.stringMatching(pattern).filter((value) => value.length >= minLength && value.length <= (maxLength ?? Infinity));
    }
    case 'number': {
      const min = checks.find((check) => check.check === 'greater_than')?.value ?? -1e6;
      const max = checks.find((check) => check.check === 'less_than')?.value ?? 1e6;
      return def.format === 'safeint' || checks.some((check) => check.check === 'number_format')
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'unknown':
      return fc.jsonValue();
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'array':
      return fc.array(validValues(def.element!), { minLength: limit('min_length', 'minimum') ?? 0, maxLength: Math.min(limit('max_length', 'maximum') ?? 3, 3) });
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((key) => !['optional', 'default'].includes(definitionOf(shape[key]!).type));
      const properties = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, validValues(value)]));
      return fc.record(properties, { requiredKeys: required });
    }
    case 'record':
      return fc.dictionary(validValues(def.keyType!) as fc.Arbitrary<string>, validValues(def.valueType!), { maxKeys: 3 });
    case 'nullable':
      return fc.option(validValues(def.innerType!), { nil: null });
    case 'optional':
    case 'default':
      return fc.option(validValues(def.innerType!), { nil: undefined });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(validValues));
    default:
      throw new Error(`No value generator for ${def.type}`);
  }
}

/** Values on and just past every length and number limit in a schema, for mutations to try. */
function boundaryValues(schema: z.ZodMiniType, found = new Set<unknown>()): unknown[] {
  const def = definitionOf(schema);
  for (const check of def.checks ?? []) {
    const { minimum, maximum, value } = check._zod.def;
    for (const length of [minimum, maximum]) {
      if (length === undefined) continue;
      for (const size of [length - 1, length, length + 1].filter((n) => n >= 0 && n < 5_000)) {
        found.add('a'.repeat(size)).add(` ${'a'.repeat(Math.max(0, size - 1))}`).add(Array.from({ length: size }, () => 'a'));
      }
    }
    if (value !== undefined) for (const near of [value - 1, value - 0.5, value, value + 0.5, value + 1]) found.add(near);
  }
  const inner = [def.element, def.keyType, def.valueType, def.innerType, ...(def.options ?? []), ...Object.values(def.shape ?? {})];
  for (const child of inner) if (child) boundaryValues(child, found);
  return [...found];
}

/** Every place in a value: the value itself, and each property and item inside. */
function places(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const here = [path];
  if (typeof value !== 'object' || value === null) return here;
  return here.concat(...Object.entries(value).map(([key, inner]) => places(inner, [...path, Array.isArray(value) ? Number(key) : key])));
}

type Mutation = { kind: 'replace' | 'delete' | 'add'; at: number; with: unknown; key: string };

/** The value with one place replaced, deleted, or given an extra key. */
function mutate(value: unknown, mutation: Mutation): unknown {
  const copy: unknown = structuredClone(value);
  const all = places(copy);
  const path = all[mutation.at % all.length]!;
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.with : copy;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], copy) as Record<PropertyKey, unknown>;
  const last = path.at(-1)!;
  if (mutation.kind === 'replace') parent[last] = mutation.with;
  else if (mutation.kind === 'delete' && !Array.isArray(parent)) delete parent[last];
  // An own property, as JSON.parse makes it, even for "__proto__".
  else if (!Array.isArray(parent)) Object.defineProperty(parent, mutation.key, { value: mutation.with, enumerable: true, writable: true, configurable: true });
  return copy;
}

const mutation = (schema: z.ZodMiniType): fc.Arbitrary<Mutation> =>
  fc.record({
    kind: fc.constantFrom('replace', 'delete', 'add'),
    at: fc.nat(),
    with: fc.oneof(fc.jsonValue(), fc.constantFrom(...boundaryValues(schema), Number.MAX_SAFE_INTEGER + 2, 1.5, -1, '', ' ')),
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'status', 'id')),
  });

/** zod's verdict and output, and the compiled check's, on one value. */
function both(schema: z.ZodMiniType, check: Check, value: unknown) {
  const byZod = schema.safeParse(value);
  return { byZod, compiled: runCheck(check, value) };
}

const pairs = (kind: 'answer' | 'input') =>
  Object.entries(routes).flatMap(([name, route]) => {
    const compiled = compiledRoutes[name as keyof typeof compiledRoutes] as { params?: Check; query?: Check; body?: Check; responses: Record<number, Check> };
    const definition = route as RouteDefinition;
    if (kind === 'answer') {
      return Object.entries(definition.responses).map(([status, schema]) => ({ where: `${name} ${status}`, schema, check: compiled.responses[Number(status)]! }));
    }
    return (['params', 'query', 'body'] as const)
      .filter((part) => definition[part])
      .map((part) => ({ where: `${name} ${part}`, schema: definition[part]!, check: compiled[part]! }));
  });

describe('the compiled contract', () => {
  it('is what scripts/compile-contract.ts makes from the current contract (else run `npm run compile-contract`)', () => {
    for (const [file, text] of Object.entries(compileContract())) {
      assert.equal(readFileSync(`packages/sdk/src/compiled-contract/${file}`, 'utf8'), text, file);
    }
  });

  it('compiles every route', () => {
    assert.deepEqual(Object.keys(compiledRoutes).sort(), Object.keys(routes).sort());
  });

  it('keeps the admin routes, and the checks only they use, out of the routes every page carries', () => {
    const common = readFileSync('packages/sdk/src/compiled-contract/routes.ts', 'utf8');
    const adminNames = Object.entries(routes).filter(([, route]) => (route as RouteDefinition).audience === 'admin').map(([name]) => name);
    assert.ok(adminNames.length > 0);
    for (const name of adminNames) assert.doesNotMatch(common, new RegExp(`^  ${name}: `, 'm'), name);
    for (const name of Object.keys(routes).filter((name) => !adminNames.includes(name))) assert.match(common, new RegExp(`^  ${name}: `, 'm'), name);
    assert.doesNotMatch(common, /export const (ModerationTestimonial|AuditEntry|BulkApproveResult): /, 'admin-only answers stay in admin-routes.ts');
  });

  for (const { where, schema, check } of [...pairs('answer'), { where: 'problem', schema: ProblemSchema, check: Problem }]) {
    it(`gives zod's verdict and output on answers: ${where}`, () => {
      fc.assert(
        fc.property(validValues(schema), mutation(schema), fc.boolean(), (valid, change, changed) => {
          const value = changed ? mutate(valid, change) : valid;
          const { byZod, compiled } = both(schema, check, value);
          assert.equal(compiled.ok, byZod.success, `verdicts differ on ${JSON.stringify(value)}`);
          if (compiled.ok && byZod.success) assert.deepStrictEqual(compiled.value, byZod.data);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const { where, schema, check } of pairs('input')) {
    it(`gives zod's verdict and output on inputs, but for refine functions: ${where}`, () => {
      fc.assert(
        fc.property(validValues(schema), mutation(schema), fc.boolean(), (valid, change, changed) => {
          const value = changed ? mutate(valid, change) : valid;
          const { byZod, compiled } = both(schema, check, value);
          if (byZod.success) {
            assert.ok(compiled.ok, `zod accepts what the compiled check refuses: ${JSON.stringify(value)}`);
            assert.deepStrictEqual(compiled.value, byZod.data);
          } else if (compiled.ok) {
            // Refine functions stay on the server: the client may accept only what they alone refuse.
            const codes = byZod.error.issues.map((issue) => issue.code);
            assert.ok(codes.every((code) => code === 'custom'), `the compiled check accepts what zod refuses (${codes.join(', ')}): ${JSON.stringify(value)}`);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('counts a string’s length in code points, as zod does: an astral letter or an emoji is one, a combining accent is one more', () => {
    const atLeast8 = string({ trim: true, min: 8 });
    const atMost4 = string({ max: 4 });
    const cases: [text: string, atLeast8: boolean, atMost4: boolean][] = [
      ['𐀀𐀀𐀀𐀀', false, true], // 8 UTF-16 units, 4 code points
      ['𐀀𐀀𐀀𐀀𐀀', false, false],
      ['👍🏽👍🏽', false, true],
      ['e\u0301e\u0301e\u0301e\u0301', true, false], // 8 code points
      [' !  𐀀 𐀀 ', false, false], // the fast-check counterexample that found it: trimmed, 6 code points
    ];
    for (const [text, min, max] of cases) {
      assert.deepEqual([runCheck(atLeast8, text).ok, runCheck(atMost4, text).ok], [min, max], JSON.stringify(text));
      assert.deepEqual(
        [z.string().check(z.trim(), z.minLength(8)).safeParse(text).success, z.string().check(z.maxLength(4)).safeParse(text).success],
        [min, max],
        `zod on ${JSON.stringify(text)}`,
      );
    }
  });

  it('refuses to compile an answer it could not check as zod does, and leaves only refine functions out of inputs', () => {
    const refined = z.string().check(z.refine((value) => value.startsWith('https:')));
    assert.throws(() => compileSchema(z.object({ url: refined }), 'answer'), /url: cannot compile a refine function in an answer/);
    assert.throws(() => compileSchema(z.url(), 'answer'), /cannot compile the format "url"/);
    assert.throws(() => compileSchema(z.string().check(z.toLowerCase()), 'input'), /a transform other than a leading trim/);
    assert.throws(() => compileSchema(z.string().check(z.regex(/a/g)), 'answer'), /stateful pattern/);
    assert.throws(() => compileSchema(z.record(z.enum(['a', 'b']), z.string()), 'answer'), /exhaustive record/);
    assert.equal(compileSchema(z.object({ url: refined }), 'input'), 'object({ url: string() })');
    assert.equal(compileSchema(z.string().check(z.maxLength(9), z.minLength(1), z.maxLength(5), z.minLength(2)), 'answer'), 'string({ min: 2, max: 5 })');
  });

  it('reports where an answer breaks the contract', () => {
    const result = runCheck(compiledRoutes.getMe.responses[200], { id: 'nope', leaderboardOptIn: 'yes' });
    assert.equal(result.ok, false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path.join('.'));
    assert.ok(paths.includes('id'));
    assert.ok(paths.includes('leaderboardOptIn'));
    assert.ok(paths.includes('name'));
  });
});
