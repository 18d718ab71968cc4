// Ladder search: query logic without DOM, so node imports it too. Index files: see SearchIndexLayout.swift;
// scores are computed at build time, so a query only fetches postings and adds numbers.

/** Search terms of a text: must agree with SearchTokenizer.swift (lowercase, accents dropped). */
export function terms(text) {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** "L3 Senior Engineer › Impact" for a section. */
export const resultTitle = (r) => (r.heading && r.heading !== r.title ? `${r.title} › ${r.heading}` : r.title);

/** Edit distance (insert, delete, substitute, swap two neighbours), or max + 1 once it exceeds max. */
export function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

// How much a match counts: an exact word beats the start of a word beats a typo.
export const WEIGHTS = { exact: 1, prefix: 0.8, typo1: 0.55, typo2: 0.35 };
const MAX_CANDIDATES = 24;

/**
 * Index terms a query word may stand for, best first: [{term, weight}]. `isLast`: it may be the start
 * of a term. Typos are tried only when nothing matches as typed (not to fetch every near-miss), among
 * terms with the same first letter (a sharded index has a vocabulary file per first letter).
 */
export function candidates(word, vocabulary, isLast) {
  const order = (x, y) => y.weight - x.weight || x.term.length - y.term.length || (x.term < y.term ? -1 : 1);
  let found = [];
  for (const term of vocabulary) {
    if (term === word) found.push({ term, weight: WEIGHTS.exact });
    else if (isLast && word.length >= 2 && term.startsWith(word)) found.push({ term, weight: WEIGHTS.prefix });
  }
  const edits = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;  // one from 4 characters, two from 8
  if (!found.length && edits > 0) {
    const typo = (d) => (d === 1 ? WEIGHTS.typo1 : WEIGHTS.typo2);
    for (const term of vocabulary) {
      const d = editDistance(word, term, edits);
      if (d <= edits) found.push({ term, weight: typo(d) });
      else if (isLast && term.length > word.length) {
        // Still typing: a typo in the part typed so far ("ownr" → "ownership").
        const p = editDistance(word, term.slice(0, word.length), edits);
        if (p <= edits) found.push({ term, weight: typo(p) * WEIGHTS.prefix });
      }
    }
  }
  return found.sort(order).slice(0, MAX_CANDIDATES);
}

/** Index of the last of the sorted `rows` whose `[0]` is <= key (0 if none). */
function lastAtOrBefore(rows, key) {
  let lo = 0, hi = rows.length - 1, at = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid][0] <= key) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return at;
}

/**
 * About `maxWords` words of `text` from a little before the first hit, as [{text, hit}] segments;
 * a word is a hit when one of its terms is in the Set `hits`.
 */
export function snippet(text, hits, maxWords = 30) {
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const hit = words.map((w) => terms(w[0]).some((t) => hits.has(t)));
  const start = Math.max(0, Math.min(hit.indexOf(true) - 8, words.length - maxWords));
  const end = Math.min(words.length, start + maxWords);
  const segments = start > 0 ? [{ text: "… ", hit: false }] : [];
  let at = start > 0 ? words[start].index : 0;
  for (let i = start; i < end; i++) {
    segments.push({ text: text.slice(at, words[i].index), hit: false }, { text: words[i][0], hit: hit[i] });
    at = words[i].index + words[i][0].length;
  }
  segments.push({ text: end < words.length ? text.slice(at, words[end].index).trimEnd() + " …" : text.slice(at), hit: false });
  return segments.filter((part) => part.text);
}

/** Runs queries on one built index; `fetchJSON(url)` returns a parsed file (tests read from disk). */
export class SearchEngine {
  constructor(indexURL, fetchJSON) {
    this.indexURL = indexURL;
    this.fetchJSON = fetchJSON;
    this.files = new Map();
  }

  /** A file of the index, fetched once (a failed fetch is tried again next time). */
  load(name) {
    const url = new URL(name, this.indexURL).href;
    if (!this.files.has(url)) this.files.set(url, this.fetchJSON(url).catch((e) => { this.files.delete(url); throw e; }));
    return this.files.get(url);
  }

  meta() { return this.load(this.indexURL); }

  /** Tracks for the filter menu: [{id, title}]. */
  async tracks() {
    return (await this.meta()).tracks.map(([id, title]) => ({ id, title }));
  }

  /** A track's levels as [id, title, from, to] rows (own file on sites with many levels). */
  async levels(trackID) {
    const track = (await this.meta()).tracks.find((t) => t[0] === trackID);
    return !track ? [] : Array.isArray(track[4]) ? track[4] : this.load(track[4]);
  }

  async vocabulary(word) {
    const meta = await this.meta();
    if (meta.terms) return meta.terms.t;
    const file = meta.vocab[String.fromCodePoint(word.codePointAt(0))];
    return file ? this.load(file) : [];
  }

  /** The term table holding a term. */
  async shard(term) {
    const meta = await this.meta();
    return meta.terms || this.load(meta.shards[lastAtOrBefore(meta.shards, term)][1]);
  }

  /** A term's postings: [docDelta, score, …] ([] if absent). */
  async postings(term) {
    const shard = await this.shard(term);
    const at = shard.t.indexOf(term);
    return at < 0 ? [] : shard.p[at];
  }

  /** Document ranges a filter allows ([from, to) pairs), or null for no filter. */
  async ranges(track, level) {
    if (!track && !level) return null;
    const out = [];
    for (const t of (await this.meta()).tracks) {
      if (track && t[0] !== track) continue;
      if (!level) { out.push([t[2], t[3]]); continue; }
      for (const [id, , from, to] of await this.levels(t[0])) if (id.toLowerCase() === level.toLowerCase()) out.push([from, to]);
    }
    return out;
  }

  /** Track title and level id of a document (the level if the index file has levels). */
  place(meta, doc) {
    const track = meta.tracks.find((t) => doc >= t[2] && doc < t[3]);
    if (!track) return { track: "", level: "" };
    const level = Array.isArray(track[4]) && track[4].find((l) => doc >= l[2] && doc < l[3]);
    return { track: track[1], level: level ? level[0] : "" };
  }

  /** URL, title, heading and text of a document. */
  async document(doc) {
    const meta = await this.meta();
    const [first, file] = meta.chunks[lastAtOrBefore(meta.chunks, doc)];
    const record = (await this.load(file))[doc - first];
    const [url, title, heading, text] = meta.docs ? [...meta.docs[doc], record] : record;
    return { doc, url, title, heading, text, ...this.place(meta, doc) };
  }

  /**
   * Every word must match (the last may be a prefix). Returns {total, results: [{url, title, heading,
   * track, level, text, snippet, score}]}: `limit` from `offset`, best first, ties in document order.
   */
  async search(query, { track = "", level = "", limit = 10, offset = 0 } = {}) {
    const words = terms(query).slice(0, 32);
    if (!words.length) return { total: 0, results: [] };
    // The shard a word itself would be in is known before its vocabulary arrives: fetch both at once.
    for (const word of words) this.shard(word).catch(() => {});
    const [meta, allowed, perWord] = await Promise.all([this.meta(), this.ranges(track, level),
      Promise.all(words.map(async (word, i) => candidates(word, await this.vocabulary(word), i === words.length - 1)))]);
    // Every word's postings in one round of requests.
    const postings = await Promise.all(perWord.map((list) => Promise.all(list.map((c) => this.postings(c.term)))));
    const hits = new Set(perWord.flat().map((c) => c.term));
    // Per document: the sum of each word's best match, and how many words in a row matched.
    const total = new Float64Array(meta.n), matched = new Uint8Array(meta.n), best = new Float64Array(meta.n);
    let found = [];
    perWord.forEach((list, w) => {
      const touched = [];
      list.forEach((c, k) => {
        const flat = postings[w][k];
        for (let i = 0, doc = 0; i < flat.length; i += 2) {
          doc += flat[i];
          if (matched[doc] !== w) continue;
          if (best[doc] === 0) touched.push(doc);
          best[doc] = Math.max(best[doc], flat[i + 1] * c.weight);
        }
      });
      for (const doc of touched) { matched[doc] = w + 1; total[doc] += best[doc]; best[doc] = 0; }
      found = touched;
    });
    if (allowed) found = found.filter((doc) => allowed.some(([from, to]) => doc >= from && doc < to));
    found.sort((a, b) => total[b] - total[a] || a - b);
    const results = await Promise.all(found.slice(offset, offset + limit).map(async (doc) => {
      const d = await this.document(doc);
      return { ...d, score: total[doc], snippet: snippet(d.text, hits) };
    }));
    return { total: found.length, results };
  }
}
