import { once } from "node:events";
import { TriangulateError } from "../../errors.ts";
import { common, storeOf, str, write, type Command } from "../command.ts";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the web page and the JSON API over the database until stopped (Ctrl-C).",
  usage: "triangulate serve [--db FILE] [--port N] [--host 127.0.0.1]",
  options: {
    db: common.db,
    port: { type: "string", short: "p", valueName: "N", description: "port to listen on (default 8410; 0 picks a free one)" },
    host: { type: "string", valueName: "ADDR", description: "address to listen on (default 127.0.0.1, this machine only)" },
    help: common.help,
  },
  async run(values, _positionals, io) {
    const port = portOf(str(values.port) ?? "8410");
    const host = str(values.host) ?? "127.0.0.1";
    const { startServer } = await import("../../serve/index.ts");
    const store = await storeOf(values);
    try {
      const server = await startServer(store, { host, port });
      write(io.stderr, `triangulate: serving ${store.path} at ${server.url} (Ctrl-C stops)`);
      if (!LOOPBACK.test(host)) write(io.stderr, "warning: anyone who can reach this address can read the database and add documents to it");
      await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
      await server.close();
      return 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new TriangulateError("BAD_OPTION", `cannot listen on ${host}:${port}: ${code}`, "choose another --port or --host");
      throw e;
    } finally {
      await store.close();
    }
  },
};

function portOf(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new TriangulateError("BAD_OPTION", `--port takes a number from 0 to 65535, not "${value}"`);
  return port;
}
