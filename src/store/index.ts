// Opens the store a location names: a postgres:// URL → PostgreSQL, anything else → a SQLite file.
// Each engine's module (and its driver) is loaded only when that engine is used.
import { isPostgresUrl, resolveDbPath, type Store } from "./types.ts";

export * from "./types.ts";

export async function openStore(location: string = resolveDbPath()): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { PostgresStore } = await import("./postgres.ts");
    return PostgresStore.open(location);
  }
  const { SqliteStore } = await import("./sqlite.ts");
  return new SqliteStore(location);
}
