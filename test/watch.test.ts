// `triangulate watch` against a feed server on loopback whose feed changes between polls, and
// beside it feeds that are broken in each way a real one can be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { jsonLines, runCli, tempDir } from "./support/cli.ts";

const item = (id: string, date: string, text: string) =>
  `<item><title>${id}</title><link>https://news.example/${id}</link><guid>https://news.example/${id}</guid><pubDate>${date}</pubDate><description>${text}</description></item>`;
const rss = (items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Wire</title>${items.join("")}</channel></rss>`;

const FIRST = [
  item("toll-1", "Mon, 09 Mar 2026 08:00:00 GMT", "The Ormen Valley health office said 46 people were killed when the Kessar dam broke near Lindor on Monday."),
  item("roads-1", "Mon, 09 Mar 2026 09:00:00 GMT", "Police said the main road to Lindor was closed after the Kessar dam broke."),
];
const SECOND = [
  ...FIRST,
  item("toll-2", "Tue, 10 Mar 2026 08:00:00 GMT", "The Ormen Valley health office said 71 people were killed when the Kessar dam broke near Lindor on Monday."),
  item("denial-1", "Tue, 10 Mar 2026 09:00:00 GMT", "The interior ministry denied that the main road to Lindor was closed after the Kessar dam broke."),
];

test("watch analyses new items once, asks conditionally, alerts on a dispute and on a revised figure, and skips broken feeds", async () => {
  const huge = Buffer.alloc(50 * 1024 * 1024, "a");
  const seen = { feed: 0, notModified: 0, analysedTwice: false };
  const webhook: unknown[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    switch (req.url) {
      case "/feed.xml": {
        const body = rss(seen.feed++ === 0 ? FIRST : SECOND);
        const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
        if (req.headers["if-none-match"] === etag) {
          seen.notModified++;
          return res.writeHead(304, { etag }).end();
        }
        return res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(body);
      }
      case "/garbage":
        return res.writeHead(200, { "content-type": "application/xml" }).end("<html><body>Page not found, this is not a feed {</body></html>");
      case "/error":
        return res.writeHead(500).end("boom");
      case "/loop":
        return res.writeHead(302, { location: "/loop" }).end();
      case "/huge":
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(huge);
      case "/hook": {
        let body = "";
        for await (const chunk of req) body += chunk;
        webhook.push(JSON.parse(body));
        return res.writeHead(204).end();
      }
      default:
        return res.writeHead(404).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = tempDir();
  const list = join(dir, "feeds.txt");
  writeFileSync(list, ["# the watched feeds", `${base}/feed.xml`, `${base}/garbage`, `${base}/error`, `${base}/loop`, `${base}/huge`].join("\n"));
  try {
    const run = await runCli(["watch", list, "--every", "50ms", "--rounds", "3", "--db", join(dir, "t.db"), "--allow-private", "--webhook", `${base}/hook`]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(seen.feed, 3, "the feed was polled three times");
    assert.equal(seen.notModified, 1, "the third poll was answered 304 Not Modified");
    for (const [path, reason] of [["garbage", /not an RSS, Atom or JSON feed/], ["error", /HTTP 500/], ["loop", /too many redirects/], ["huge", /MiB|MB|limit|large/i]] as const) {
      const line = run.stderr.split("\n").find((l) => l.includes(`${base}/${path}`));
      assert.ok(line, `${path} is named:\n${run.stderr}`);
      assert.match(line, reason);
    }
    assert.match(run.stderr, /round 1: 5 feeds, 0 unchanged, 4 failed, 2 new articles/);
    assert.match(run.stderr, /round 2: 5 feeds, 0 unchanged, 4 failed, 2 new articles/, "the first round's items are not analysed again");
    assert.match(run.stderr, /round 3: 5 feeds, 1 unchanged, 4 failed, 0 new articles/);
    const alerts = jsonLines<{ type: string; source?: string; from?: { min: number }; to?: { min: number }; claim?: { doc: string } }>(run.stdout);
    const revision = alerts.find((a) => a.type === "revision");
    assert.ok(revision, `a revision alert:\n${run.stdout}`);
    assert.equal(revision.from?.min, 46);
    assert.equal(revision.to?.min, 71);
    const dispute = alerts.find((a) => a.type === "dispute");
    assert.ok(dispute, `a dispute alert:\n${run.stdout}`);
    assert.match(dispute.claim?.doc ?? "", /denial-1/);
    assert.deepEqual(webhook, alerts, "each alert was posted to the webhook too");
  } finally {
    server.close();
  }
});
