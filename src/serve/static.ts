// The web page: the files `npm run build:web` wrote to web/dist, read once at start. Only files that
// the build wrote are served, by exact name, so no request path reaches the file system.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=UTF-8",
  ".js": "text/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Scripts only from this server; inline style attributes are allowed for the charts, inline scripts never. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const PAGE_HEADERS = { "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

export interface WebFile {
  body: Uint8Array;
  headers: Record<string, string>;
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** The built page's files by URL path ("/" is index.html); empty when the page was never built. */
export function webFiles(root = WEB_DIST): Map<string, WebFile> {
  const out = new Map<string, WebFile>();
  if (!existsSync(join(root, "index.html"))) return out;
  for (const path of filesUnder(root)) {
    const url = "/" + relative(root, path).split(sep).join("/");
    const hashed = url.startsWith("/assets/");
    out.set(url === "/index.html" ? "/" : url, {
      body: readFileSync(path),
      headers: {
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
        ...PAGE_HEADERS,
      },
    });
  }
  return out;
}

export const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Triangulate</title><p>The web page is not built: run <code>npm run build:web</code> (npm install does it), then reload. The API is at <a href="/openapi.json">/openapi.json</a>.</p></html>`;
