// The store engines the store suite and the end-to-end tests run against: SQLite always, PostgreSQL
// when TRIANGULATE_TEST_PG names a server (.ci/run starts one; a developer machine may have none).
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.ts";
import { PostgresStore } from "../../src/store/postgres.ts";
import { SqliteStore } from "../../src/store/sqlite.ts";
import { tempDir } from "./cli.ts";

export interface Engine {
  name: "sqlite" | "postgres";
  /** Why this engine's tests are skipped, when they are. */
  skip?: string;
  /** A new, empty database: a file path or a postgres:// URL. */
  location(): Promise<string>;
}

const PG_ADMIN = process.env.TRIANGULATE_TEST_PG;
let created = 0;

/** A new database on the test server, named after this process so parallel test files never share one. */
async function newPgDatabase(): Promise<string> {
  const name = `t_${process.pid}_${++created}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN!);
  url.pathname = `/${name}`;
  return url.toString();
}

export const ENGINES: Engine[] = [
  { name: "sqlite", location: async () => join(tempDir("triangulate-store-"), "t.db") },
  {
    name: "postgres",
    ...(PG_ADMIN ? {} : { skip: "TRIANGULATE_TEST_PG is not set: no PostgreSQL server to test against (.ci/run starts one)" }),
    location: newPgDatabase,
  },
];

export const POSTGRES = ENGINES[1];

/** A new, empty store of this engine. */
export const freshStore = async (engine: Engine): Promise<Store> => openStore(await engine.location());

/** Rows of a raw SQL query (written in the SQL both engines speak), for tests that look under the interface. */
export async function sqlRows<T>(store: Store, sql: string, params: unknown[] = []): Promise<T[]> {
  if (store instanceof SqliteStore) return store.db.prepare(sql.replace(/\$\d+/g, "?")).all(...params) as T[];
  if (store instanceof PostgresStore) return (await store.pool.query(sql, params)).rows as T[];
  throw new Error(`no raw SQL for the ${store.engine} engine`);
}
