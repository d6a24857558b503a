// Who may use the API: anyone on a loopback server without a token; with a token (which any other
// address needs), only requests that send it as `Authorization: Bearer <token>`. The page's files
// hold no data and load without it.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";

export const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;
export const MIN_TOKEN_LENGTH = 16;

export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

/** A fresh token for a server started with --generate-token. */
export const newToken = (): string => randomBytes(24).toString("base64url");

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

/** Rejects API requests without the bearer token with 401; compares in constant time. */
export function requireToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="triangulate"');
      return c.json({ error: "authorization: send the server's token as 'Authorization: Bearer <token>'" }, 401);
    }
    await next();
  };
}
