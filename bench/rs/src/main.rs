//! rs-trafilatura as a long-lived batch worker for the accuracy benchmark.
//! Reads one JSON request a line on stdin ({"id","path","url"}; path may be
//! .gz), writes one JSON answer a line on stdout, in order, after a first
//! line naming the version and configuration. The Python driver owns
//! timeouts: it kills and restarts this process if a page takes too long.
use std::io::{BufRead, Read, Write};
use std::time::Instant;

use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    id: String,
    path: String,
    #[serde(default)]
    url: String,
}

#[derive(Serialize, Default)]
struct Answer {
    id: String,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<String>,
    // The crate's own page classification (WCXB's labels; "collection" is
    // its Category).
    #[serde(skip_serializing_if = "Option::is_none")]
    page_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    ms: f64,
}

fn read_page(path: &str) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if !path.ends_with(".gz") {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
    Ok(out)
}

fn extract(req: Request) -> Answer {
    let mut out = Answer { id: req.id, ..Default::default() };
    let page = match read_page(&req.path) {
        Ok(page) => page,
        Err(e) => {
            out.error = Some(e.to_string());
            return out;
        }
    };
    // The crate's defaults, with the page's URL as its context.
    let mut options = rs_trafilatura::Options::default();
    if !req.url.is_empty() {
        options.url = Some(req.url);
    }
    let start = Instant::now();
    let result = rs_trafilatura::extract_bytes_with_options(&page, &options);
    out.ms = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(res) => {
            out.text = res.content_text;
            out.title = res.metadata.title;
            out.author = res.metadata.author;
            out.site = res.metadata.sitename;
            out.page_type = res.metadata.page_type;
            out.date = res.metadata.date.map(|d| d.format("%Y-%m-%d").to_string());
        }
        Err(e) => out.error = Some(e.to_string()),
    }
    out
}

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let header = serde_json::json!({
        "version": "0.2.2",
        "config": "rs_trafilatura::extract_bytes_with_options(bytes, Options::default() with url); content_text, metadata.title/author/date/sitename/page_type",
    });
    writeln!(w, "{}", header).unwrap();
    w.flush().unwrap();
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(line) => line,
            Err(_) => break,
        };
        let out = match serde_json::from_str::<Request>(&line) {
            Ok(req) => extract(req),
            Err(e) => Answer { error: Some(format!("bad request: {e}")), ..Default::default() },
        };
        writeln!(w, "{}", serde_json::to_string(&out).unwrap()).unwrap();
        w.flush().unwrap();
    }
}
