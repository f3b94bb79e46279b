// Readability.js on jsdom as a batch worker for the accuracy benchmark.
// First line out: {"version","config"}; then one answer per request line
// ({"id","path","url"} -> {"id","text","title","author","date","site","error","ms"}).
// jsdom gets the raw bytes, so it sniffs the charset itself as a browser would.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const require = createRequire(import.meta.url);
const versions = {
  readability: require("@mozilla/readability/package.json").version,
  jsdom: require("jsdom/package.json").version,
};
// Pages without a URL get the placeholder Readability's own tests use.
const FALLBACK_URL = "http://fakehost/test/page.html";
const quiet = new VirtualConsole(); // page scripts don't run; silence CSS parse noise

process.stdout.write(JSON.stringify({
  version: `${versions.readability}+jsdom${versions.jsdom}`,
  config: "new Readability(new JSDOM(bytes, {url}).window.document).parse() with defaults; textContent, title, byline, publishedTime, siteName",
}) + "\n");

function extract(req) {
  let raw = readFileSync(req.path);
  if (req.path.endsWith(".gz")) raw = gunzipSync(raw);
  const start = process.hrtime.bigint();
  const dom = new JSDOM(raw, { url: req.url || FALLBACK_URL, virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  dom.window.close();
  if (!article) return { text: "", ms };
  return {
    text: (article.textContent || "").trim(),
    title: article.title || undefined,
    author: article.byline || undefined,
    date: article.publishedTime || undefined,
    site: article.siteName || undefined,
    ms,
  };
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let answer;
  let id;
  try {
    const req = JSON.parse(line);
    id = req.id;
    answer = { id, ...extract(req) };
  } catch (err) {
    answer = { id, text: "", error: String(err && err.message || err).slice(0, 300) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
