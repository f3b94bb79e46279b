// lede playground: sends the document to POST /v1/parse on this server and
// shows the answer. Plain DOM code, no framework, nothing from elsewhere.
"use strict";

const $ = (id) => document.getElementById(id);

const state = {
  file: null,          // a chosen File, sent as its own bytes
  fileText: null,      // what the text box showed when it was loaded
  response: null,      // the last ParseResponse (JSON object)
  responseText: "",    // ... exactly as the server sent it
};

// Fields of the facts list, in order: label, how to read the value, and the
// provenance key (snake_case, as Article.provenance names fields).
const FACTS = [
  ["Authors", (a) => chips(a.authors), "authors"],
  ["Published", (a) => date(a, "published"), "published_time"],
  ["Modified", (a) => date(a, "modified"), "modified_time"],
  ["Site", (a) => text(a.siteName), "site_name"],
  ["Source", (a) => text(a.source), "source"],
  ["Language", (a) => language(a), "language"],
  ["Page type", (a) => pageType(a), "page_type"],
  ["Tags", (a) => chips(a.tags), "tags"],
  ["Categories", (a) => chips(a.categories), "categories"],
  ["Description", (a) => text(a.description), "description"],
  ["URL", (a) => readableUrl(a.canonicalUrl || a.url), "url"],
  ["Length", (a) => length(a), null],
];

const PRECISION = {
  DATE_PRECISION_YEAR: "year",
  DATE_PRECISION_MONTH: "month",
  DATE_PRECISION_DAY: "day",
  DATE_PRECISION_MINUTE: "minute",
  DATE_PRECISION_SECOND: "second",
};

// ---- small DOM helpers ------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) {
    if (child != null) node.append(child);
  }
  return node;
}

function text(value) {
  return value ? document.createTextNode(value) : null;
}

// A URL as people read it: percent-escapes of non-ASCII text decoded.
function readableUrl(url) {
  if (!url) return null;
  try {
    return text(decodeURI(url));
  } catch {
    return text(url);
  }
}

function chips(values) {
  if (!values || values.length === 0) return null;
  const list = el("span", { className: "chips" });
  for (const value of values) list.append(el("span", { className: "chip" }, value));
  return list;
}

function date(article, which) {
  const time = article[which + "Time"];
  const day = article[which + "Date"];
  if (!time && !day) return null;
  const precision = PRECISION[article[which + "TimePrecision"]];
  let shown = day || "";
  if (time && (precision === "minute" || precision === "second")) {
    shown = time.replace("T", " ").replace(/:\d\dZ$|Z$/, "") + " UTC";
    if (day && !time.startsWith(day)) shown += ` (${day} where published)`;
  }
  const span = el("span", {}, shown);
  const raw = article[which + "TimeText"];
  if (raw) span.append(el("span", { className: "confidence" }, ` · read from “${raw}”`));
  return span;
}

function language(article) {
  if (!article.language) return null;
  const span = el("span", {}, article.language);
  if (article.languageConfidence) {
    span.append(el("span", { className: "confidence" },
      ` · confidence ${article.languageConfidence.toFixed(2)}`));
  }
  if (article.languages && article.languages.length > 1) {
    const shares = article.languages
      .map((l) => `${l.language} ${Math.round(l.share * 100)}%`).join(", ");
    span.append(el("span", { className: "confidence" }, ` · mixed: ${shares}`));
  }
  return span;
}

function pageType(article) {
  const type = article.pageType;
  if (!type || type === "PAGE_TYPE_UNSPECIFIED") return null;
  const span = el("span", {}, type.replace("PAGE_TYPE_", "").toLowerCase());
  if (article.pageTypeConfidence) {
    span.append(el("span", { className: "confidence" },
      ` · confidence ${article.pageTypeConfidence.toFixed(2)}`));
  }
  return span;
}

function length(article) {
  const words = article.wordCount || 0;
  const minutes = Math.max(1, Math.round((article.readingTimeSeconds || 0) / 60));
  const images = (article.images || []).length;
  return text(`${words.toLocaleString()} words · ${minutes} min read · ` +
    `${images} image${images === 1 ? "" : "s"}`);
}

// ---- the request ------------------------------------------------------------

function queryString() {
  const params = new URLSearchParams();
  const url = $("url").value.trim();
  if (url) params.set("url", url);
  if (state.file && $("source").value === state.fileText) params.set("id", state.file.name);
  const bias = $("bias").value;
  if (bias !== "balanced") params.set("bias", bias);
  const convert = $("convert").value;
  if (convert !== "unchanged") params.set("convert_chinese", convert);
  if ($("comments").checked) params.set("include_comments", "true");
  const query = params.toString();
  return query ? "?" + query : "";
}

// The body and its type: a chosen file's own bytes (its charset is the
// server's to find), else the box's text, which the browser sends as UTF-8.
function body() {
  const source = $("source").value;
  if (state.file && source === state.fileText) {
    return { data: state.file, type: state.file.type || "application/octet-stream" };
  }
  const looksHtml = /^\s*</.test(source);
  return { data: source, type: (looksHtml ? "text/html" : "text/markdown") + "; charset=utf-8" };
}

async function extract() {
  const { data, type } = body();
  // An empty box with a URL: the server fetches the page.
  const fetchUrl = typeof data === "string" && data.trim() === "";
  if (fetchUrl && !$("url").value.trim()) {
    showError("Paste a page first, choose a file, give a URL to fetch, or try the example.");
    $("source").focus();
    return;
  }
  const button = $("extract");
  button.disabled = true;
  $("result").setAttribute("aria-busy", "true");
  setStatus("Extracting…");
  const started = performance.now();
  try {
    const reply = await fetch("/v1/parse" + queryString(), {
      method: "POST",
      headers: fetchUrl ? {} : { "Content-Type": type },
      body: fetchUrl ? "" : data,
    });
    const raw = await reply.text();
    const elapsed = Math.round(performance.now() - started);
    let answer;
    try {
      answer = JSON.parse(raw);
    } catch {
      throw new Error(`HTTP ${reply.status}: the server did not answer JSON`);
    }
    if (answer.error) {
      showError(`HTTP ${reply.status}: ${answer.error.message}`);
      setStatus("");
      return;
    }
    state.response = answer;
    state.responseText = raw;
    render(answer, raw);
    const article = answer.article || {};
    setStatus(`Extracted in ${elapsed} ms`, `${answer.charset || "?"} · ${answer.framing || "?"} · ` +
      `${(article.wordCount || 0).toLocaleString()} words`);
    $("copy-curl").disabled = false;
  } catch (error) {
    showError(error.message || String(error));
    setStatus("");
  } finally {
    button.disabled = false;
    $("result").removeAttribute("aria-busy");
  }
}

// ---- rendering --------------------------------------------------------------

function setStatus(main, detail) {
  const status = $("status");
  status.replaceChildren();
  if (main) status.append(el("strong", {}, main));
  if (detail) status.append(" · " + detail);
}

function showError(message) {
  const error = $("error");
  error.textContent = message;
  error.hidden = false;
  $("empty").hidden = state.response !== null;
}

// Marks `node` with where the field came from: a tooltip on hover and
// focus, and the same words for screen readers.
function withSource(node, source) {
  if (!source) return node;
  node.dataset.source = source;
  node.tabIndex = 0;
  node.setAttribute("aria-description", "from " + source);
  node.title = "from " + source;
  return node;
}

function render(answer, raw) {
  const article = answer.article || {};
  const provenance = article.provenance || {};
  $("error").hidden = true;
  $("empty").hidden = true;
  $("article").hidden = false;

  const title = $("title");
  title.textContent = article.title || "(no title found)";
  title.classList.toggle("muted", !article.title);
  delete title.dataset.source;
  withSource(title, provenance.title);

  const facts = $("facts");
  facts.replaceChildren();
  for (const [label, read, key] of FACTS) {
    const value = read(article);
    const dd = el("dd");
    if (value) {
      dd.append(value);
      withSource(dd, key && provenance[key]);
    } else {
      dd.textContent = "not found";
      dd.className = "none";
    }
    facts.append(el("dt", {}, label), dd);
  }

  $("out-text").textContent = article.text || "";
  $("out-markdown").textContent = article.markdown || "";
  $("out-json").textContent = JSON.stringify(JSON.parse(raw), null, 2);
  renderHtml(article);
}

// The article's HTML in a sandboxed frame (no scripts, no same origin).
// Pictures stay off unless asked for: showing them would load them from the
// page's hosts.
function renderHtml(article) {
  const doc = new DOMParser().parseFromString(article.html || "", "text/html");
  if (!$("images").checked) {
    for (const img of doc.querySelectorAll("img")) {
      const label = img.getAttribute("alt") || "picture";
      const note = doc.createElement("span");
      note.className = "img-off";
      note.textContent = `[${label}: ${img.getAttribute("src") || ""}]`;
      img.replaceWith(note);
    }
  }
  const heading = document.createElement("h1");
  heading.textContent = article.title || "";
  $("out-html").srcdoc = `<!doctype html><html lang="${escapeAttr(article.language || "")}">
<meta charset="utf-8"><base target="_blank">
<style>
  body { font: 17px/1.7 Georgia, "Noto Serif", "Noto Serif CJK SC", serif; color: #17212e;
         max-width: 42rem; margin: 28px auto; padding: 0 22px; }
  h1 { font-size: 28px; line-height: 1.25; }
  img { max-width: 100%; height: auto; }
  figure { margin: 1.5em 0; } figcaption { color: #5b6878; font-size: 14px; }
  blockquote { border-left: 3px solid #dde3ea; margin-left: 0; padding-left: 1em; color: #3b4756; }
  table { border-collapse: collapse; } td, th { border: 1px solid #dde3ea; padding: 4px 8px; }
  pre { overflow: auto; background: #f7f9fb; padding: 10px; }
  .img-off { display: block; color: #5b6878; font: 13px/1.4 system-ui, sans-serif;
             border: 1px dashed #c9d2dc; border-radius: 6px; padding: 10px; overflow-wrap: anywhere; }
</style>
${heading.outerHTML}
${doc.body.innerHTML}`;
}

function escapeAttr(value) {
  return value.replace(/[&"<>]/g, (c) => ({ "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" })[c]);
}

// ---- tabs (WAI-ARIA tabs: arrows, Home and End move between them) -----------

function selectTab(tab, focus) {
  for (const other of document.querySelectorAll("[role=tab]")) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute("aria-controls")).hidden = !selected;
  }
  if (focus) tab.focus();
}

function setUpTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab, false));
    tab.addEventListener("keydown", (event) => {
      const index = tabs.indexOf(tab);
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      selectTab(tabs[(next + tabs.length) % tabs.length], true);
    });
  }
}

// ---- input: paste, file, drop, example ----------------------------------------

async function loadFile(file) {
  state.file = file;
  state.fileText = await file.text();
  $("source").value = state.fileText;
  $("file-name").textContent = `· ${file.name} (${file.size.toLocaleString()} bytes)`;
}

function forgetFile() {
  state.file = null;
  state.fileText = null;
  $("file-name").textContent = "";
}

async function loadExample() {
  const reply = await fetch("/playground/sample.html");
  forgetFile();
  $("source").value = await reply.text();
  $("url").value = "https://news.example.org/2024/05/14/harbour-tunnel-opens";
  $("file-name").textContent = "· example";
  extract();
}

function curlCommand() {
  const { data, type } = body();
  const quote = (s) => "'" + s.replace(/'/g, "'\\''") + "'";
  const target = quote(location.origin + "/v1/parse" + queryString());
  // An empty box: the server fetched the Page URL.
  if (typeof data === "string" && data.trim() === "") return `curl -X POST ${target}`;
  const name = state.file && $("source").value === state.fileText ? state.file.name : "page.html";
  return `curl --data-binary @${quote(name)} -H ${quote("Content-Type: " + type.split(";")[0])} ` +
    target;
}

async function copy(textToCopy, button) {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(textToCopy);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Copy failed";
  }
  setTimeout(() => { button.textContent = label; }, 1400);
}

function init() {
  for (const node of document.querySelectorAll(".origin")) node.textContent = location.origin;
  setUpTabs();
  const source = $("source");
  $("form").addEventListener("submit", (event) => { event.preventDefault(); extract(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      extract();
    }
  });
  $("file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (file) await loadFile(file);
    event.target.value = "";
  });
  source.addEventListener("input", () => {
    if (state.file && source.value !== state.fileText) forgetFile();
  });
  source.addEventListener("dragover", (event) => { event.preventDefault(); source.classList.add("drop"); });
  source.addEventListener("dragleave", () => source.classList.remove("drop"));
  source.addEventListener("drop", async (event) => {
    event.preventDefault();
    source.classList.remove("drop");
    const file = event.dataTransfer.files[0];
    if (file) await loadFile(file);
  });
  $("example").addEventListener("click", loadExample);
  $("clear").addEventListener("click", () => {
    forgetFile();
    source.value = "";
    source.focus();
  });
  $("images").addEventListener("change", () => {
    if (state.response) renderHtml(state.response.article || {});
  });
  $("copy-curl").addEventListener("click", (event) => copy(curlCommand(), event.currentTarget));
  $("copy-json").addEventListener("click", (event) => copy(state.responseText, event.currentTarget));
  $("download-json").addEventListener("click", () => {
    const blob = new Blob([state.responseText], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob), download: "article.json" });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

document.addEventListener("DOMContentLoaded", init);
