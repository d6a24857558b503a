import { once } from "node:events";
import { existsSync } from "node:fs";
import { TriangulateError } from "../../errors.ts";
import { isLoopback, MIN_TOKEN_LENGTH, newToken } from "../../serve/auth.ts";
import { openStore, resolveDbPath } from "../../store/index.ts";
import { common, str, write, type Command } from "../command.ts";

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the web page and the JSON API over the database until stopped (Ctrl-C).",
  usage: "triangulate serve [--db FILE] [--port N] [--host 127.0.0.1] [--token TOKEN | --generate-token]",
  options: {
    db: common.db,
    port: { type: "string", short: "p", valueName: "N", description: "port to listen on (default 8410; 0 picks a free one)" },
    host: { type: "string", valueName: "ADDR", description: "address to listen on (default 127.0.0.1, this machine only; any other needs a token)" },
    token: { type: "string", valueName: "TOKEN", description: `API requests must send it as 'Authorization: Bearer TOKEN' (${MIN_TOKEN_LENGTH}+ characters; default $TRIANGULATE_TOKEN)` },
    "generate-token": { type: "boolean", description: "make a new token and print it" },
    help: common.help,
  },
  async run(values, _positionals, io) {
    const port = portOf(str(values.port) ?? "8410");
    const host = str(values.host) ?? "127.0.0.1";
    const token = tokenOf(str(values.token) ?? process.env.TRIANGULATE_TOKEN, values["generate-token"] === true, host);
    const { startServer } = await import("../../serve/index.ts");
    const store = await openStore(databaseToServe(str(values.db), io.stderr));
    try {
      const server = await startServer(store, { host, port, token });
      write(io.stderr, `triangulate: serving ${store.path} at ${server.url} (Ctrl-C stops)`);
      if (token) {
        if (values["generate-token"]) write(io.stderr, `token: ${token}`);
        write(io.stderr, `open ${server.url}#token=${token} in a browser; API clients send 'Authorization: Bearer <token>'`);
      }
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

/** The demo's database, written by `npm run demo`, served by a bare `serve` when there is no other. */
const DEMO_DB = ".demo.db";

/** The --db database, else $TRIANGULATE_DB or ./triangulate.db; the demo's when neither exists yet. */
function databaseToServe(flag: string | undefined, stderr: NodeJS.WritableStream): string {
  const path = resolveDbPath(flag);
  if (flag !== undefined || process.env.TRIANGULATE_DB || existsSync(path) || !existsSync(DEMO_DB)) return path;
  write(stderr, `triangulate: no ${path} here yet; serving the demo's ${DEMO_DB} (analyse into ${path}, or give --db)`);
  return DEMO_DB;
}

/** The token to require: given, generated, or none, which only a loopback address may do without. */
function tokenOf(given: string | undefined, generate: boolean, host: string): string | undefined {
  if (given !== undefined && generate) throw new TriangulateError("BAD_OPTION", "give --token or --generate-token, not both");
  if (given !== undefined && (given.length < MIN_TOKEN_LENGTH || /\s/.test(given)))
    throw new TriangulateError("BAD_OPTION", `--token must be at least ${MIN_TOKEN_LENGTH} characters without spaces`, "or use --generate-token");
  const token = generate ? newToken() : given;
  if (!token && !isLoopback(host))
    throw new TriangulateError(
      "BAD_OPTION",
      `refusing to listen on ${host} without a token: anyone who reaches it could read the database and add documents`,
      "give --token TOKEN or --generate-token, or listen on 127.0.0.1",
    );
  return token;
}

function portOf(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new TriangulateError("BAD_OPTION", `--port takes a number from 0 to 65535, not "${value}"`);
  return port;
}
