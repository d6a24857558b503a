import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Store } from "../store/sqlite.ts";
import { createApp } from "./app.ts";

export { createApp } from "./app.ts";

export interface RunningServer {
  url: string;
  /** Stops accepting connections and resolves when the open ones are done. */
  close(): Promise<void>;
}

/** Serves the app for `store` on `host:port` (port 0 picks a free one) and resolves once it listens. */
export async function startServer(store: Store, options: { host: string; port: number }): Promise<RunningServer> {
  const server: ServerType = serve({ fetch: createApp(store).fetch, hostname: options.host, port: options.port });
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
