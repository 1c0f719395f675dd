import type { Queryable, QueryResult, SqlParam } from './db.js';

/**
 * A statement built with the `sql` tag: its text with `$1…$n` placeholders
 * and their values, numbered for you. A `SqlStatement` interpolated into
 * another is inlined with its own values renumbered; `raw()` inlines trusted
 * text (column lists), never a value.
 */
export class SqlStatement {
  readonly #strings: readonly string[];
  readonly #values: readonly unknown[];

  constructor(strings: readonly string[], values: readonly unknown[]) {
    this.#strings = strings;
    this.#values = values;
  }

  /** The text and parameters to hand to `Queryable.query`. */
  compile(): { text: string; params: SqlParam[] } {
    const params: SqlParam[] = [];
    const write = (statement: SqlStatement): string =>
      statement.#strings.reduce((text, part, index) => {
        if (index === 0) return part;
        const value = statement.#values[index - 1];
        if (value instanceof SqlStatement) return text + write(value) + part;
        params.push(value as SqlParam);
        return `${text}$${params.length}${part}`;
      }, '');
    return { text: write(this), params };
  }
}

/** Trusted SQL text inlined as is: a column list or a constant, never something a client sent. */
export function raw(text: string): SqlStatement {
  return new SqlStatement([text], []);
}

/** Fragments one after the other with `separator` between them (`sql\` AND \``, `raw(', ')`); none gives empty text. */
export function join(fragments: readonly SqlStatement[], separator: SqlStatement): SqlStatement {
  const parts = fragments.flatMap((fragment, index) => (index === 0 ? [fragment] : [separator, fragment]));
  return new SqlStatement(new Array<string>(parts.length + 1).fill(''), parts);
}

function tag(strings: TemplateStringsArray, ...values: (SqlParam | SqlStatement)[]): SqlStatement {
  return new SqlStatement(strings, values);
}

/**
 * `sql\`SELECT … WHERE organisation_id = ${id}\``: values become parameters,
 * statements are inlined. `sql.join(conditions, sql\` AND \`)` and
 * `sql.raw(columns)` are `join` and `raw`.
 */
export const sql = Object.assign(tag, { join, raw });

/** Runs a statement built with `sql`. */
export function run<Row = Record<string, unknown>>(db: Queryable, statement: SqlStatement): Promise<QueryResult<Row>> {
  const { text, params } = statement.compile();
  return db.query<Row>(text, params);
}
