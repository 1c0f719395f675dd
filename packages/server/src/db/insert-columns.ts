import type { Queryable } from './db.js';

/** Inserts rows column by column through `unnest`, one statement for any number of rows. */
export async function insertColumns(tx: Queryable, table: string, columns: Record<string, { type: string; values: readonly unknown[] }>): Promise<void> {
  const names = Object.keys(columns);
  const specs = Object.values(columns);
  if ((specs[0]?.values.length ?? 0) === 0) return;
  // jsonb and array values travel as text and are cast here: the same on both drivers.
  const travelsAsText = (type: string): boolean => type === 'jsonb' || type.endsWith('[]');
  const selectList = names.map((name, index) => (travelsAsText(specs[index]!.type) ? `${name}::${specs[index]!.type}` : name));
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${selectList.join(', ')} FROM unnest(${specs.map((spec, index) => `$${index + 1}::${travelsAsText(spec.type) ? 'text' : spec.type}[]`).join(', ')})
       AS rows (${names.join(', ')})`,
    specs.map((spec) => spec.values as unknown[]),
  );
}
