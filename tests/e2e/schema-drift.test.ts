import * as associationTables from '@xueshi/association/db';
import { associationSubgraph } from '@xueshi/association';
import * as institutionTables from '@xueshi/institutions/subgraph';
import * as registryTables from '@xueshi/registry/db';
import { registrySubgraph } from '@xueshi/registry';
import { sjtuSubgraph } from '@xueshi/sjtu';
import type { Database, MigrationSource } from '@xueshi/subgraph-kit';
import { openTestDatabase } from '@xueshi/subgraph-kit/testing';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';

/** A column as both sides can say it: its SQL type, written one way, and whether it takes null. */
type Columns = Record<string, Record<string, string>>;

/** PostgreSQL's names for what drizzle writes in its own words. */
function canonicalType(type: string): string {
  const bare = type
    .toLowerCase()
    .replace(/\(.*\)/, '')
    .trim();
  const aliases: Record<string, string> = {
    serial: 'integer',
    bigserial: 'bigint',
    varchar: 'character varying',
    timestamp: 'timestamp without time zone',
    'timestamp with time zone': 'timestamp with time zone',
    int: 'integer',
    int4: 'integer',
    int8: 'bigint',
    bool: 'boolean',
  };
  return aliases[bare] ?? bare;
}

/** The tables and columns drizzle declares in `module` (every PgTable it exports). */
function declared(module: Record<string, unknown>): Columns {
  const tables: Columns = {};
  for (const value of Object.values(module)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    tables[config.name] = Object.fromEntries(
      config.columns.map((column) => [column.name, `${canonicalType(column.getSQLType())}${column.notNull ? ' not null' : ''}`]),
    );
  }
  return tables;
}

/** The same tables as the migrations left them. */
async function migrated(database: Database, tables: readonly string[]): Promise<Columns> {
  const rows = await database.raw.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
  }>(
    `select table_name, column_name, data_type, udt_name, is_nullable from information_schema.columns
     where table_schema = $1 and table_name = any($2) order by table_name, ordinal_position`,
    [database.schema, tables],
  );
  const found: Columns = {};
  for (const row of rows) {
    const type =
      row.data_type === 'USER-DEFINED'
        ? row.udt_name
        : row.data_type === 'ARRAY'
          ? `${row.udt_name.replace(/^_/, '')}[]`
          : row.data_type;
    (found[row.table_name] ??= {})[row.column_name] = `${canonicalType(type)}${row.is_nullable === 'NO' ? ' not null' : ''}`;
  }
  return found;
}

describe('the SQL migrations and the drizzle schemas agree', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it.each([
    ['registry', registrySubgraph.migrations, registryTables],
    ['an institution', sjtuSubgraph.migrations, institutionTables],
    ['the association', associationSubgraph.migrations, { ...institutionTables, ...associationTables }],
  ] as [string, MigrationSource[], Record<string, unknown>][])(
    '%s: every table drizzle declares exists with the same columns, types and nullability',
    async (_name, migrations, module) => {
      const database = await openTestDatabase('drift', migrations);
      opened.push(database);
      const expected = declared(module);
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      expect(await migrated(database, Object.keys(expected))).toEqual(expected);
    },
  );
});
