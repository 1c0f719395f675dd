// The building blocks of the compiled contract (routes.ts beside this file,
// written by scripts/compile-contract.ts from the zod/mini schemas).
//
// Why not zod/mini itself in the client: zod/mini with the contract's schemas
// weighs about 10 KB brotli, the SDK's whole browser budget. The contract stays
// zod/mini (the server validates with it and the OpenAPI document comes from
// it); the client runs this compiled copy, and test/sdk/compiled-contract.test.ts
// checks with fast-check that it gives zod's verdicts and zod's output.

import type { ValidationIssue } from '../errors.js';

type Path = readonly PropertyKey[];

/** Checks a value at `path`, records what is wrong in `issues`, and returns the value as the contract outputs it. */
export type Check = (value: unknown, path: Path, issues: ValidationIssue[]) => unknown;

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function report(issues: ValidationIssue[], path: Path, message: string): undefined {
  issues.push({ path, message });
  return undefined;
}

const wrongType = (issues: ValidationIssue[], path: Path, expected: string, value: unknown): undefined =>
  report(issues, path, `expected ${expected}, received ${kindOf(value)}`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string's length as zod counts it: in code points, so an emoji or an astral letter is one, not two. */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function checkLength(issues: ValidationIssue[], path: Path, length: number, min = 0, max = Infinity): void {
  if (length < min) report(issues, path, `expected at least ${min} items or characters`);
  if (length > max) report(issues, path, `expected at most ${max} items or characters`);
}

/** Runs a check on its own: the contract's output, or every issue found. */
export function runCheck(check: Check, value: unknown): { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const output = check(value, [], issues);
  return issues.length === 0 ? { ok: true, value: output } : { ok: false, issues };
}

export const string =
  (rules: { trim?: true; min?: number; max?: number; patterns?: readonly RegExp[] } = {}): Check =>
  (value, path, issues) => {
    if (typeof value !== 'string') return wrongType(issues, path, 'string', value);
    const text = rules.trim ? value.trim() : value;
    checkLength(issues, path, codePoints(text), rules.min, rules.max);
    for (const pattern of rules.patterns ?? []) {
      if (!pattern.test(text)) report(issues, path, `expected to match ${pattern.source}`);
    }
    return text;
  };

function coerceToNumber(value: unknown): unknown {
  try {
    return Number(value);
  } catch {
    return value; // A symbol, or an object whose valueOf throws: reported as not a number.
  }
}

export const number =
  (rules: { coerce?: true; integer?: true; min?: number; max?: number; above?: number; below?: number } = {}): Check =>
  (value, path, issues) => {
    const input = rules.coerce ? coerceToNumber(value) : value;
    if (typeof input !== 'number' || !Number.isFinite(input)) return wrongType(issues, path, 'a finite number', input);
    if (rules.integer && !Number.isSafeInteger(input)) report(issues, path, 'expected a safe integer');
    if (input < (rules.min ?? -Infinity) || input <= (rules.above ?? -Infinity)) report(issues, path, 'the number is too small');
    if (input > (rules.max ?? Infinity) || input >= (rules.below ?? Infinity)) report(issues, path, 'the number is too large');
    return input;
  };

export const boolean: Check = (value, path, issues) => (typeof value === 'boolean' ? value : wrongType(issues, path, 'boolean', value));

export const unknown: Check = (value) => value;

/** One of the listed values: zod's `literal` and `enum`. */
export const oneOf =
  (values: readonly unknown[]): Check =>
  (value, path, issues) =>
    values.includes(value) ? value : report(issues, path, `expected one of ${values.map((item) => JSON.stringify(item)).join(', ')}`);

export const nullable =
  (check: Check): Check =>
  (value, path, issues) =>
    value === null ? null : check(value, path, issues);

export const optional =
  (check: Check): Check =>
  (value, path, issues) =>
    value === undefined ? undefined : check(value, path, issues);

export const withDefault =
  (check: Check, fallback: unknown): Check =>
  (value, path, issues) =>
    value === undefined ? fallback : check(value, path, issues);

export const array =
  (item: Check, rules: { min?: number; max?: number } = {}): Check =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return wrongType(issues, path, 'array', value);
    checkLength(issues, path, value.length, rules.min, rules.max);
    return value.map((element, index) => item(element, [...path, index], issues));
  };

/**
 * An object with these properties. Unknown keys are dropped (`strip`, zod's
 * `object`), refused (`strict`) or kept (`loose`).
 */
export const object =
  (shape: Readonly<Record<string, Check>>, unknownKeys: 'strip' | 'strict' | 'loose' = 'strip'): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return wrongType(issues, path, 'object', value);
    const output: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const result = check(value[key], [...path, key], issues);
      // An absent optional key stays absent; a default fills it in.
      if (result !== undefined || key in value) output[key] = result;
    }
    if (unknownKeys !== 'strip') {
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(shape, key)) continue;
        if (unknownKeys === 'strict') report(issues, [...path, key], 'unrecognized key');
        // Never written: assigning it would replace the output's prototype.
        else if (key !== '__proto__') output[key] = value[key];
      }
    }
    return output;
  };

/** An object whose every key passes `key` and every value passes `item` (zod's `record` and `partialRecord`). */
export const record =
  (key: Check, item: Check): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return wrongType(issues, path, 'object', value);
    const output: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      // Never written: assigning it would replace the output's prototype.
      if (name === '__proto__') continue;
      const checkedKey = runCheck(key, name);
      if (!checkedKey.ok) report(issues, [...path, name], 'invalid key');
      else output[String(checkedKey.value)] = item(value[name], [...path, name], issues);
    }
    return output;
  };

/** The first option that accepts the value. */
export const union =
  (options: readonly Check[]): Check =>
  (value, path, issues) => {
    for (const option of options) {
      const result = runCheck(option, value);
      if (result.ok) return result.value;
    }
    return report(issues, path, 'expected a value matching one of the options');
  };
