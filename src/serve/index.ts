import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Store } from "../store/sqlite.ts";
import { createApp, type AppOptions } from "./app.ts";

export { createApp, type AppOptions } from "./app.ts";
export { isLoopback, newToken, MIN_TOKEN_LENGTH } from "./auth.ts";

export interface RunningServer {
  url: string;
  /** Stops accepting connections and resolves when the open ones are done. */
  close(): Promise<void>;
}

/**
 * Serves the app for `store` on `host:port` (port 0 picks a free one) and resolves once it listens,
 * with the story already built, so the first page a reader opens does not wait for it.
 */
export async function startServer(store: Store, options: { host: string; port: number } & AppOptions): Promise<RunningServer> {
  const app = createApp(store, options);
  const warm = await app.request("/api/propositions?limit=1", { headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });
  if (!warm.ok) throw new Error(`the story could not be built: ${await warm.text()}`);
  const server: ServerType = serve({ fetch: app.fetch, hostname: options.host, port: options.port });
  await Promise.race([once(server, "listening"), once(server, "error").then(([e]) => Promise.reject(e))]);
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }),
  };
}
