// `triangulate serve` as a user runs it: its own process, listening on loopback, stopped at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../../bin/triangulate.js");

export interface ServeProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts `triangulate serve --port 0` on `db` and resolves with the address it printed. */
export async function startServe(db: string, extra: string[] = []): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0", ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s: ${stderr}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /at (http:\/\/\S+\/) /.exec(stderr);
      if (found) (clearTimeout(timer), resolveUrl(found[1]));
    });
    child.on("exit", (code) => (clearTimeout(timer), reject(new Error(`serve exited with ${code}: ${stderr}`))));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
