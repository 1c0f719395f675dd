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

/** `sql\`SELECT … WHERE organisation_id = ${id}\``: values become parameters, statements are inlined. */
export function sql(strings: TemplateStringsArray, ...values: (SqlParam | SqlStatement)[]): SqlStatement {
  return new SqlStatement(strings, values);
}

/** Trusted SQL text inlined as is: a column list or a constant, never something a client sent. */
export function raw(text: string): SqlStatement {
  return new SqlStatement([text], []);
}

/** Runs a statement built with `sql`. */
export function run<Row = Record<string, unknown>>(db: Queryable, statement: SqlStatement): Promise<QueryResult<Row>> {
  const { text, params } = statement.compile();
  return db.query<Row>(text, params);
}
