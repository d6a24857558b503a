import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { extractHtml, identifyLanguage, ingest, type IngestOptions, type IngestResult } from "../src/ingest/index.ts";
import { forbiddenAddressKind, guardedLookup } from "../src/ingest/fetch.ts";
import { parseCsv } from "../src/ingest/csv.ts";
import { markdownToText } from "../src/ingest/plaintext.ts";
import { normaliseDate } from "../src/ingest/meta.ts";

const PARAGRAPHS = [
  "The regional council voted on Tuesday to close the old bridge over the river after engineers found cracks in two of its supports.",
  "Officials said the closure would last at least six months, and that a temporary ferry service would start next week for commuters.",
  "Local traders warned that the decision could cost them customers, while residents of the eastern bank said they had waited years for repairs.",
];

const ARTICLE_HTML = `<!doctype html><html lang="en"><head>
<title>Bridge closed after cracks found | The Valley Times</title>
<meta property="og:site_name" content="The Valley Times">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header><h1>Site header</h1></header>
<article><h1>Bridge closed after cracks found</h1>
${PARAGRAPHS.map((p) => `<p>${p.replace("six months", "<b>six\n   months</b>")}</p>`).join("\n")}
</article>
<footer>Copyright The Valley Times</footer>
</body></html>`;

const FRENCH =
  "Le conseil régional a voté mardi la fermeture du vieux pont sur la rivière, après que des ingénieurs ont découvert des fissures dans deux de ses piliers. " +
  "Les responsables ont indiqué que la fermeture durerait au moins six mois et qu'un service de bac temporaire commencerait la semaine prochaine.";

let dir: string;

async function collect(inputs: string[], options?: IngestOptions, stdin?: NodeJS.ReadableStream): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for await (const result of ingest(inputs, options, stdin)) results.push(result);
  return results;
}

function onlyDoc(results: IngestResult[]) {
  assert.equal(results.length, 1, JSON.stringify(results));
  const [result] = results;
  assert.ok(result.ok, JSON.stringify(result));
  return result.doc;
}

function onlyError(results: IngestResult[]): string {
  assert.equal(results.length, 1, JSON.stringify(results));
  const [result] = results;
  assert.ok(!result.ok, JSON.stringify(result));
  return result.error;
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, content);
  return path;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "triangulate-ingest-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("reading each file format", () => {
  test("a text file takes its id from the file name and its metadata from front matter", async () => {
    const path = await file("bridge-story.txt", `---\ntitle: "Bridge closed"\noutlet: Valley Times\nauthor: Maria Lopez\ndate: March 5, 2024\nurl: https://example.com/bridge\n---\n${PARAGRAPHS.join("\r\n\r\n")}\r\n`);
    const doc = onlyDoc(await collect([path]));
    assert.equal(doc.id, "bridge-story");
    assert.equal(doc.text, PARAGRAPHS.join("\n\n"));
    assert.deepEqual(doc.meta, {
      title: "Bridge closed",
      outlet: "Valley Times",
      author: "Maria Lopez",
      date: "2024-03-05",
      url: "https://example.com/bridge",
      origin: path,
      language: "en",
    });
  });

  test("hard-wrapped plain text is joined back into one line per paragraph", async () => {
    const wrapped = PARAGRAPHS.map((p) => p.replace(/(.{1,70})(\s|$)/g, "$1\n").trim()).join("\n\n");
    assert.ok(wrapped.split("\n").length > 6);
    const doc = onlyDoc(await collect([await file("wrapped.txt", wrapped)]));
    assert.equal(doc.text, PARAGRAPHS.join("\n\n"));
  });

  test("markdown becomes plain sentences without its markup", async () => {
    const markdown = [
      "---",
      "title: Bridge",
      "---",
      "# Bridge closed",
      "",
      "The **regional council** voted on _Tuesday_ to close the [old bridge](https://example.com/b)",
      "after engineers found `cracks`. ![photo](bridge.jpg)",
      "<!-- editor: check this -->",
      "> Officials said the closure would last.",
      "",
      "- First point",
      "2. Second point",
      "```",
      "code line",
      "```",
      "snake_case_name stays, and 5 * 3 stays.",
    ].join("\n");
    const doc = onlyDoc(await collect([await file("notes.md", markdown)]));
    assert.equal(doc.meta.title, "Bridge");
    assert.equal(
      doc.text,
      [
        "Bridge closed",
        "The regional council voted on Tuesday to close the old bridge after engineers found cracks.",
        "Officials said the closure would last.",
        "First point",
        "Second point",
        "code line",
        "snake_case_name stays, and 5 * 3 stays.",
      ].join("\n\n"),
    );
  });

  test("an HTML article gives its main text in paragraphs and its metadata", async () => {
    const doc = onlyDoc(await collect([await file("bridge.html", ARTICLE_HTML)]));
    assert.equal(doc.id, "bridge");
    assert.equal(doc.text, PARAGRAPHS.join("\n\n"));
    assert.equal(doc.meta.title, "Bridge closed after cracks found");
    assert.equal(doc.meta.author, "Maria Lopez");
    assert.equal(doc.meta.outlet, "The Valley Times");
    assert.equal(doc.meta.date, "2024-03-05");
    assert.equal(doc.meta.language, "en");
  });

  test("a page Readability cannot use falls back to the body text without navigation and footer", () => {
    const html = `<html><head><title>Tiny</title></head><body><nav>Home News Sport</nav><div>Short notice: the bridge is closed.</div><footer>Contact us</footer></body></html>`;
    assert.equal(extractHtml(html).text, "Short notice: the bridge is closed.");
  });

  test("an HTML file declaring windows-1252 in a meta tag is decoded with it", async () => {
    const html = `<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>“Café” reopened.</p></body></html>`;
    const doc = onlyDoc(await collect([await file("legacy.html", iconv.encode(html, "windows-1252"))]));
    assert.equal(doc.text, "“Café” reopened.");
  });

  test("extractHtml reads the date from a time element and keeps the url it is given", () => {
    const html = `<html><body><article><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p><time datetime="2023-11-02">2 Nov</time></article></body></html>`;
    const { text, meta } = extractHtml(html, "https://example.com/a");
    assert.ok(text.startsWith(PARAGRAPHS[0]));
    assert.equal(meta.date, "2023-11-02");
    assert.equal(meta.url, "https://example.com/a");
  });

  test("JSONL lines become documents, and broken lines are named by line number", async () => {
    const lines = [
      JSON.stringify({ id: "a1", text: PARAGRAPHS[0], title: "First", outlet: "Wire", date: "2024-03-05T10:00:00Z", author: "Ann" }),
      "{not json",
      "",
      JSON.stringify({ html: `<p>${PARAGRAPHS[1]}</p>`, url: "https://example.com/b" }),
      JSON.stringify({ id: "no-text", title: "Nothing" }),
      JSON.stringify(["an", "array"]),
    ];
    const path = await file("batch.jsonl", lines.join("\n"));
    const results = await collect([path]);
    assert.deepEqual(
      results.map((r) => [r.input, r.ok]),
      [[`${path}:1`, true], [`${path}:2`, false], [`${path}:4`, true], [`${path}:5`, false], [`${path}:6`, false]],
    );
    const [first, broken, second, noText] = results;
    assert.ok(first.ok && second.ok && !broken.ok && !noText.ok);
    assert.equal(first.doc.id, "a1");
    assert.deepEqual(first.doc.meta, { title: "First", outlet: "Wire", date: "2024-03-05", author: "Ann", origin: `${path}:1`, language: "en" });
    assert.equal(second.doc.id, "batch-4");
    assert.equal(second.doc.text, PARAGRAPHS[1]);
    assert.equal(second.doc.meta.url, "https://example.com/b");
    assert.match(broken.error, /invalid JSON/);
    assert.match(noText.error, /no "text" or "html"/);
  });

  test("CSV rows with quoted commas, quotes and line breaks become documents", async () => {
    const csv = `id,title,text,outlet\r\nr1,"Bridge, closed","${PARAGRAPHS[0]}\r\n\r\nHe said ""no comment"".",Times\r\n,Second,"${PARAGRAPHS[1]}",\r\n`;
    const path = await file("rows.csv", csv);
    const results = await collect([path]);
    assert.equal(results.length, 2);
    const [first, second] = results;
    assert.ok(first.ok && second.ok);
    assert.equal(first.doc.id, "r1");
    assert.equal(first.doc.meta.title, "Bridge, closed");
    assert.equal(first.doc.meta.outlet, "Times");
    assert.equal(first.doc.text, `${PARAGRAPHS[0]}\n\nHe said "no comment".`);
    assert.equal(second.input, `${path}:5`);
    assert.equal(second.doc.id, "rows-5");
  });

  test("a CSV file without a text column fails as a whole", async () => {
    const error = onlyError(await collect([await file("bad.csv", "id,title\n1,x\n")]));
    assert.match(error, /no "text" or "html" column/);
  });

  test("parseCsv keeps an empty trailing field and ignores blank lines", () => {
    assert.deepEqual(parseCsv('a,b,\n\n"x\ny",2,3'), [
      { line: 1, fields: ["a", "b", ""] },
      { line: 3, fields: ["x\ny", "2", "3"] },
    ]);
  });

  test("an RSS feed gives one document per item with the channel title as outlet", async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Times &amp; Co</title><link>https://example.com</link>
<item><title>Bridge closed</title><link>https://example.com/news/bridge-closed.html</link>
<pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate><dc:creator>Maria Lopez</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>]]></content:encoded></item>
<item><title>Ferry starts</title><guid isPermaLink="false">item-42</guid>
<description>&lt;p&gt;${PARAGRAPHS[2]}&lt;/p&gt;</description></item>
</channel></rss>`;
    const path = await file("valley.rss", rss);
    const results = await collect([path]);
    assert.equal(results.length, 2);
    const [first, second] = results;
    assert.ok(first.ok && second.ok);
    assert.equal(first.doc.id, "bridge-closed");
    assert.equal(first.input, `${path}#1`);
    assert.equal(first.doc.text, `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
    assert.deepEqual(first.doc.meta, {
      title: "Bridge closed",
      outlet: "Valley Times & Co",
      author: "Maria Lopez",
      date: "2024-03-05",
      url: "https://example.com/news/bridge-closed.html",
      origin: `${path}#1`,
      language: "en",
    });
    assert.equal(second.doc.id, "item-42");
    assert.equal(second.doc.text, PARAGRAPHS[2]);
  });

  test("an Atom feed reads entries with xhtml content, alternate links and author names", async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Bridge</title><link rel="self" href="https://example.com/self"/><link rel="alternate" href="https://example.com/2024/bridge/"/>
<id>tag:example.com,2024:1</id><updated>2024-03-06T01:00:00Z</updated><author><name>Ann Lee</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${PARAGRAPHS[0]}</p></div></content></entry></feed>`;
    const doc = onlyDoc(await collect([await file("news.atom", atom)]));
    assert.equal(doc.id, "bridge");
    assert.equal(doc.text, PARAGRAPHS[0]);
    assert.deepEqual([doc.meta.outlet, doc.meta.author, doc.meta.date, doc.meta.url], ["Atom News", "Ann Lee", "2024-03-06", "https://example.com/2024/bridge/"]);
  });

  test("stdin is read as text, or as HTML when it looks like HTML", async () => {
    const text = onlyDoc(await collect(["-"], {}, Readable.from([Buffer.from(PARAGRAPHS[0])])));
    assert.deepEqual([text.id, text.text, text.meta.origin], ["stdin", PARAGRAPHS[0], "stdin"]);
    const html = onlyDoc(await collect(["-"], {}, Readable.from([ARTICLE_HTML])));
    assert.equal(html.text, PARAGRAPHS.join("\n\n"));
    assert.equal(html.meta.outlet, "The Valley Times");
  });
});

describe("reading folders", () => {
  test("a folder is read recursively in name order, skipping hidden, underscored and unknown files, and a broken file does not stop the rest", async () => {
    const root = join(dir, "folder");
    await file("folder/b.txt", PARAGRAPHS[1]);
    await file("folder/a.md", `# A\n\n${PARAGRAPHS[0]}`);
    await file("folder/nested/c.html", ARTICLE_HTML);
    await file("folder/nested/broken.txt", "   \n  ");
    await file("folder/nested/deeper/b.txt", PARAGRAPHS[2]);
    await file("folder/.hidden.txt", PARAGRAPHS[0]);
    await file("folder/_draft.txt", PARAGRAPHS[0]);
    await file("folder/_drafts/x.txt", PARAGRAPHS[0]);
    await file("folder/image.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const results = await collect([root]);
    assert.deepEqual(
      results.map((r) => [r.input.slice(root.length + 1), r.ok ? r.doc.id : r.error]),
      [
        ["a.md", "a"],
        ["b.txt", "b"],
        ["nested/broken.txt", "empty"],
        ["nested/c.html", "c"],
        ["nested/deeper/b.txt", "b-2"],
      ],
    );
  });

  test("a file without a date in its metadata takes the one its name holds, never a bare number", async () => {
    const dated = onlyDoc(await collect([await file("names/reuters_2016-07-12_troops-sent.txt", PARAGRAPHS[0])]));
    const compact = onlyDoc(await collect([await file("names/story_20160712.md", PARAGRAPHS[0])]));
    const numbered = onlyDoc(await collect([await file("names/report-20161312.txt", PARAGRAPHS[0])]));
    const own = onlyDoc(await collect([await file("names/2016-07-12-notes.md", `---\ndate: 2024-03-05\n---\n${PARAGRAPHS[0]}`)]));
    assert.deepEqual([dated.meta.date, compact.meta.date, numbered.meta.date, own.meta.date], ["2016-07-12", "2016-07-12", undefined, "2024-03-05"]);
  });

  test("a folder with nothing readable says so", async () => {
    await file("empty-folder/notes.pdf", "x");
    assert.match(onlyError(await collect([join(dir, "empty-folder")])), /no readable files/);
  });
});

describe("bad inputs each fail alone with a clear reason", () => {
  test("a path that does not exist is reported as no such file", async () => {
    const results = await collect([join(dir, "missing.txt"), await file("ok.txt", PARAGRAPHS[0])]);
    assert.deepEqual(results.map((r) => (r.ok ? "ok" : r.error)), ["no such file or directory", "ok"]);
  });

  test("an empty file and a whitespace-only file are empty", async () => {
    const results = await collect([await file("empty.txt", ""), await file("blank.txt", " \n\t\n")]);
    assert.deepEqual(results.map((r) => (r.ok ? "ok" : r.error)), ["empty", "empty"]);
  });

  test("a binary file is refused as binary, with or without NUL bytes", async () => {
    const withNuls = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const controls = new Uint8Array(4096).map((_, i) => 1 + (i % 8));
    const results = await collect([await file("blob.txt", withNuls), await file("controls.txt", controls)]);
    assert.deepEqual(results.map((r) => (r.ok ? "ok" : r.error)), ["binary file, not text", "binary file, not text"]);
  });

  test("a 50 MB file is over the default cap, the error names its size and the limit, and the next input is still read", async () => {
    const big = await file("big.txt", Buffer.alloc(50 * 1024 * 1024, "word "));
    const results = await collect([big, await file("after-big.txt", PARAGRAPHS[0])]);
    assert.equal(results.length, 2);
    assert.ok(!results[0].ok);
    assert.match(results[0].error, /50 MiB/);
    assert.match(results[0].error, /20 MiB limit/);
    assert.ok(results[1].ok);
  });

  test("stdin over the cap is refused", async () => {
    const error = onlyError(await collect(["-"], { maxBytes: 100 }, Readable.from([Buffer.alloc(300, "a ")])));
    assert.match(error, /over the 100 bytes limit/);
  });

  test("Windows-1252 text decodes curly quotes, dashes and accents", async () => {
    const text = "“Café crème” — the minister’s résumé, she said. It cost 5 €.";
    const doc = onlyDoc(await collect([await file("cp1252.txt", iconv.encode(text, "windows-1252"))]));
    assert.equal(doc.text, text);
  });

  test("UTF-16 little- and big-endian text decodes with or without a byte order mark", async () => {
    const text = "Le café “ouvert” — ligne un.\r\nLine two.";
    const le = iconv.encode(text, "utf16le");
    const be = iconv.encode(text, "utf16be");
    const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);
    const results = await collect([
      await file("le-bom.txt", withBom([0xff, 0xfe], le)),
      await file("be-bom.txt", withBom([0xfe, 0xff], be)),
      await file("le.txt", le),
      await file("be.txt", be),
      await file("utf8-bom.txt", withBom([0xef, 0xbb, 0xbf], Buffer.from(text))),
    ]);
    for (const result of results) {
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.doc.text, text.replace("\r\n", "\n"));
    }
  });

  test("truncated HTML still gives its text", async () => {
    const truncated = `<html><head><title>Cut</title></head><body><div><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1].slice(0, 40)}`;
    const doc = onlyDoc(await collect([await file("cut.html", truncated)]));
    assert.ok(doc.text.startsWith(PARAGRAPHS[0]), doc.text);
    assert.ok(doc.text.includes(PARAGRAPHS[1].slice(0, 30)));
    const fragment = extractHtml("<p>Just one short line");
    assert.equal(fragment.text, "Just one short line");
  });

  test("a non-English article is not tagged as English", async () => {
    const doc = onlyDoc(await collect([await file("pont.txt", FRENCH)]));
    assert.equal(doc.meta.language, "fr");
    const untagged = onlyDoc(await collect([await file("pont2.txt", FRENCH)], { detectLanguage: false }));
    assert.equal(untagged.meta.language, undefined);
  });

  test("identifyLanguage leaves texts too short to tell undefined", async () => {
    assert.equal(await identifyLanguage("Hello there."), undefined);
    assert.equal(await identifyLanguage(PARAGRAPHS[0]), "en");
  });
});

describe("fetching URLs", () => {
  let server: Server;
  let base: string;
  const allow = { allowPrivate: true, timeoutMs: 5000 };

  before(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case "/news/bridge-closed.html":
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(ARTICLE_HTML);
          return;
        case "/moved":
          res.writeHead(301, { location: "/news/bridge-closed.html" });
          res.end();
          return;
        case "/loop":
          res.writeHead(302, { location: "/loop" });
          res.end();
          return;
        case "/feed":
          res.writeHead(200, { "content-type": "application/rss+xml" });
          res.end(`<rss><channel><title>Loop News</title><item><title>One</title><link>${base}/one</link><description>${PARAGRAPHS[0]}</description></item></channel></rss>`);
          return;
        case "/legacy":
          res.writeHead(200, { "content-type": "text/plain; charset=windows-1252" });
          res.end(iconv.encode("“Quoted” text, café.", "windows-1252"));
          return;
        case "/2016/07/12/undated-story":
          res.writeHead(200, { "content-type": "text/plain" });
          res.end(PARAGRAPHS[0]);
          return;
        case "/big":
          res.writeHead(200, { "content-type": "text/plain" });
          for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, "a "));
          res.end();
          return;
        case "/hang":
          return; // never answers
        default:
          res.writeHead(404);
          res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test("an HTML page is fetched, extracted, and named by the last path segment", async () => {
    const url = `${base}/news/bridge-closed.html`;
    const doc = onlyDoc(await collect([url], allow));
    assert.equal(doc.id, "bridge-closed");
    assert.equal(doc.text, PARAGRAPHS.join("\n\n"));
    assert.deepEqual([doc.meta.origin, doc.meta.url, doc.meta.outlet], [url, url, "The Valley Times"]);
  });

  test("redirects are followed and the final URL is kept", async () => {
    const doc = onlyDoc(await collect([`${base}/moved`], allow));
    assert.equal(doc.meta.url, `${base}/news/bridge-closed.html`);
    assert.equal(doc.meta.origin, `${base}/moved`);
  });

  test("a feed URL gives its items", async () => {
    const doc = onlyDoc(await collect([`${base}/feed`], allow));
    assert.deepEqual([doc.id, doc.meta.outlet, doc.text], ["one", "Loop News", PARAGRAPHS[0]]);
  });

  test("a page without a date in its metadata takes the one its address holds", async () => {
    assert.equal(onlyDoc(await collect([`${base}/2016/07/12/undated-story`], allow)).meta.date, "2016-07-12");
    // a page's own date wins over its address
    assert.equal(onlyDoc(await collect([`${base}/news/bridge-closed.html`], allow)).meta.date, "2024-03-05");
  });

  test("the charset in the Content-Type header decodes the body", async () => {
    assert.equal(onlyDoc(await collect([`${base}/legacy`], allow)).text, "“Quoted” text, café.");
  });

  test("a URL that never answers times out", async () => {
    const started = Date.now();
    const error = onlyError(await collect([`${base}/hang`], { ...allow, timeoutMs: 300 }));
    assert.equal(error, "timed out after 300 ms");
    assert.ok(Date.now() - started < 3000);
  });

  test("a loopback URL is refused without allowPrivate, naming the reason and the flag", async () => {
    const error = onlyError(await collect([`${base}/news/bridge-closed.html`, ]));
    assert.match(error, /127\.0\.0\.1, a loopback address/);
    assert.match(error, /--allow-private/);
  });

  test("private, link-local, unique-local, CGNAT, multicast and unspecified addresses are all refused", () => {
    const kinds = ["10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::"].map(
      forbiddenAddressKind,
    );
    assert.ok(kinds.every(Boolean), JSON.stringify(kinds));
    assert.deepEqual(["93.184.216.34", "2606:4700::1111", "172.32.0.1"].map(forbiddenAddressKind), [undefined, undefined, undefined]);
  });

  test("a redirect loop stops at the redirect cap", async () => {
    const error = onlyError(await collect([`${base}/loop`], { ...allow, maxRedirects: 3 }));
    assert.equal(error, "too many redirects (more than 3)");
  });

  test("a body over the size cap is refused while reading", async () => {
    const error = onlyError(await collect([`${base}/big`], { ...allow, maxBytes: 4000 }));
    assert.match(error, /over the 3\.9 KiB limit/);
  });

  test("an HTTP error status is reported", async () => {
    assert.equal(onlyError(await collect([`${base}/nothing-here`], allow)), "HTTP 404 Not Found");
  });
});

describe("helpers", () => {
  test("dates are normalised to the day the writer wrote", () => {
    assert.deepEqual(
      ["2024-03-05T23:30:00-05:00", "Tue, 05 Mar 2024 23:30:00 -0500", "March 5, 2024", "5th March 2024", "not a date", "2024/03/05"].map(normaliseDate),
      ["2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", undefined, "2024-03-05"],
    );
  });

  test("markdown conversion stays linear on long lines of unclosed markup", () => {
    const lines = ["[".repeat(50000), "![".repeat(30000), "x" + "*".repeat(50000) + "y", "-|".repeat(50000) + "x", "<http://".repeat(30000), "<!-- ".repeat(20000)];
    const started = Date.now();
    markdownToText(lines.join("\n"));
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  });
});

test("the connection's own DNS look-up refuses a private address too, so a name cannot rebind between check and connect", async () => {
  const refused = await new Promise<Error | null>((done) => guardedLookup("localhost", {}, (err) => done(err)));
  assert.match(refused?.message ?? "", /refused: localhost resolves to .*loopback.*--allow-private/);
});
