// Fetching one URL safely: every hop's host is resolved and checked against private ranges before
// the request (for a clear error), and again by the connection's own DNS look-up (so a name that
// resolves to a public address for the check and a private one for the connection, DNS rebinding,
// is refused too); redirects are followed by hand (so each hop is checked), and both the time and
// the body size are capped while reading.
import dns from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { Agent, fetch, type Response } from "undici";
import { InputError } from "./decode.ts";
import { formatBytes, tooBig } from "./limits.ts";

export interface FetchLimits {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface FetchedBody {
  bytes: Uint8Array;
  contentType: string;
  /** The URL after redirects. */
  url: string;
  /** 200, or 304 (empty body) when a conditional request found nothing new. */
  status: number;
  /** The validators to send next time (ETag, Last-Modified), when the server gave them. */
  etag?: string;
  lastModified?: string;
}

/** Conditional request headers: the validators of the last fetch of the same URL. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Address ranges a URL from the outside must not reach (SSRF), each with the name used in errors. */
const FORBIDDEN: [string, string, number, "ipv4" | "ipv6"][] = [
  ["unspecified", "0.0.0.0", 8, "ipv4"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["CGNAT (shared)", "100.64.0.0", 10, "ipv4"],
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["link-local", "169.254.0.0", 16, "ipv4"],
  ["private", "172.16.0.0", 12, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["multicast", "224.0.0.0", 4, "ipv4"],
  ["reserved", "240.0.0.0", 4, "ipv4"],
  ["unspecified", "::", 128, "ipv6"],
  ["loopback", "::1", 128, "ipv6"],
  ["unique-local", "fc00::", 7, "ipv6"],
  ["link-local", "fe80::", 10, "ipv6"],
  ["multicast", "ff00::", 8, "ipv6"],
];
const forbiddenLists = FORBIDDEN.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list };
});

/** Why an address may not be fetched ("loopback", "private", …), or undefined when it is public. */
export function forbiddenAddressKind(address: string): string | undefined {
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it stands for.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  return forbiddenLists.find(({ list }) => list.check(ip, family))?.kind;
}

const refusal = (host: string, address: string, kind: string): string =>
  `refused: ${host} resolves to ${address}, a ${kind} address; pass --allow-private (allowPrivate) to fetch it`;

/** The connection's DNS look-up, refusing forbidden addresses at the moment of connecting. */
export const guardedLookup: LookupFunction = (hostname, options, callback) =>
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    for (const a of addresses) {
      const kind = forbiddenAddressKind(a.address);
      if (kind) return callback(Object.assign(new Error(refusal(hostname, a.address, kind)), { code: "EPRIVATE" }), "", 0);
    }
    if (options.all) (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });

const publicOnly = new Agent({ connect: { lookup: guardedLookup } });
const anywhere = new Agent();

/** Fetches `url` within the limits; throws InputError with a reason a user can act on. */
export async function fetchUrl(url: string, limits: FetchLimits, since: Validators = {}): Promise<FetchedBody> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // A race rather than the abort signal alone, so a slow DNS lookup is cut off too.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new InputError(`timed out after ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);
  });
  try {
    return await Promise.race([followRedirects(url, limits, controller.signal, since), timeout]);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`fetch failed: ${networkReason(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(start: string, limits: FetchLimits, signal: AbortSignal, since: Validators): Promise<FetchedBody> {
  const conditional = {
    ...(since.etag ? { "if-none-match": since.etag } : {}),
    ...(since.lastModified ? { "if-modified-since": since.lastModified } : {}),
  };
  let url = new URL(start);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new InputError(`unsupported URL scheme ${url.protocol}`);
    if (!limits.allowPrivate) await refusePrivateHost(url.hostname);
    const response = await fetch(url, {
      redirect: "manual",
      signal,
      headers: { "user-agent": "triangulate/0.1 (news analysis)", ...conditional },
      dispatcher: limits.allowPrivate ? anywhere : publicOnly,
    });
    const validators = {
      ...(response.headers.get("etag") ? { etag: response.headers.get("etag")! } : {}),
      ...(response.headers.get("last-modified") ? { lastModified: response.headers.get("last-modified")! } : {}),
    };
    if (response.status === 304) {
      await response.body?.cancel();
      return { bytes: new Uint8Array(), contentType: "", url: url.href, status: 304, ...since, ...validators };
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= limits.maxRedirects) throw new InputError(`too many redirects (more than ${limits.maxRedirects})`);
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new InputError(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const bytes = await readCapped(response, limits.maxBytes);
    return { bytes, contentType: response.headers.get("content-type") ?? "", url: url.href, status: response.status, ...validators };
  }
}

async function refusePrivateHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string }[];
  try {
    addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  } catch (e) {
    throw new InputError(`cannot resolve host ${host}: ${networkReason(e)}`);
  }
  for (const { address } of addresses) {
    const kind = forbiddenAddressKind(address);
    if (kind) {
      throw new InputError(refusal(host, address, kind));
    }
  }
}

/** Reads the body as a stream, stopping as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig("response", declared, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InputError(`response is over the ${formatBytes(maxBytes)} limit (maxBytes); stopped reading at ${formatBytes(total)}`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

/** fetch hides the useful part ("ECONNREFUSED", "ENOTFOUND", a refused address) in `cause`. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === "EPRIVATE") return cause.message ?? "refused";
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}
