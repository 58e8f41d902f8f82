import pg from "pg";

/**
 * A comparable description of everything a schema defines in `public`:
 * tables, columns (type, nullability, default), enums, constraints (primary,
 * unique, foreign keys with their actions) and indexes. Prisma's bookkeeping
 * table is left out.
 */
export type CatalogSnapshot = Record<string, string[]>;

export async function catalogSnapshot(connectionString: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" | "));
    return {
      tables: await q(`SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable,
          coalesce(column_default, '∅'), coalesce(character_maximum_length::text, ''),
          coalesce(numeric_precision::text, ''), coalesce(datetime_precision::text, '')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      enums: await q(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'
        GROUP BY t.typname ORDER BY 1`),
      constraints: await q(`SELECT cl.relname, c.conname, c.contype, pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname = 'public' AND cl.relname <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

/** Lines present on one side only, labelled with the side they are on. */
export function diffSnapshots(a: CatalogSnapshot, b: CatalogSnapshot, labels = ["migrations", "schema"]) {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = new Set(a[key] ?? []);
    const right = new Set(b[key] ?? []);
    for (const line of left) if (!right.has(line)) out.push(`${key}: only in ${labels[0]}: ${line}`);
    for (const line of right) if (!left.has(line)) out.push(`${key}: only in ${labels[1]}: ${line}`);
  }
  return out;
}
