// The /search/ page: connects its form to the query logic in search-core.js.
// Index text only ever reaches the page as text nodes (never innerHTML), so it cannot inject markup.
import { SearchEngine, resultTitle } from "./search-core.js";

const byId = (id) => document.getElementById(id);
const form = byId("search-form"), input = byId("search-query"), list = byId("search-results");
const trackMenu = byId("search-track"), levelMenu = byId("search-level"), status = byId("search-status");
const PAGE = 10;
// The page's words in its language (data-strings), {values} to fill in.
const t = JSON.parse(form.dataset.strings), fill = (m, v) => m.replace(/\{(\w+)\}/g, (a, n) => v[n] ?? a);

const engine = new SearchEngine(new URL(form.dataset.index, location.href).href, async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
});

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** The level menu lists the chosen track's levels. */
async function fillLevels(keep) {
  const levels = trackMenu.value ? await engine.levels(trackMenu.value) : [];
  levelMenu.replaceChildren(levelMenu.options[0], ...levels.map(([id, title]) => new Option(`${id} ${title}`, id)));
  levelMenu.value = levels.some(([id]) => id === keep) ? keep : "";
}

function resultItem(result) {
  const item = element("li");
  const link = element("a", "", resultTitle(result));
  link.href = result.url;
  const snippet = element("span", "result-snippet");
  for (const part of result.snippet) snippet.append(part.hit ? element("mark", "", part.text) : part.text);
  item.append(link);
  if (result.track) item.append(element("span", "result-where", result.track));
  item.append(snippet);
  return item;
}

const unavailable = (error) => { status.textContent = fill(t.unavailable, { error: error.message }); };
let generation = 0;
let shown = 0;

/** Runs the query in the form; `more` appends the next page of results. */
async function run(more = false) {
  const started = performance.now();
  const query = input.value.trim();
  const mine = ++generation;
  const filters = { track: trackMenu.value, level: levelMenu.value };
  const params = new URLSearchParams(Object.entries({ q: query, ...filters }).filter(([, value]) => value));
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  if (!query) { list.replaceChildren(); status.textContent = ""; return; }
  let answer;
  try {
    answer = await engine.search(query, { ...filters, limit: PAGE, offset: more ? shown : 0 });
  } catch (error) {
    if (mine === generation) unavailable(error);
    return;
  }
  if (mine !== generation) return;  // a newer query has started
  const items = answer.results.map(resultItem);
  if (more) list.append(...items); else list.replaceChildren(...items);
  shown = (more ? shown : 0) + items.length;
  list.dataset.ms = (performance.now() - started).toFixed(1);
  const plural = new Intl.PluralRules(document.documentElement.lang).select(answer.total);  // "one", "other"…
  status.replaceChildren(answer.total ? fill(t.results[plural], { count: answer.total, query }) : fill(t.none, { query }));
  if (shown < answer.total) {
    const button = element("button", "search-more", t.more);
    button.type = "button";
    button.onclick = () => run(true);
    status.append(" ", button);
  }
}

/** Arrow keys move between the box and the results; Escape returns to the box. */
function links() { return [...list.querySelectorAll("a")]; }
input.addEventListener("keydown", (e) => {
  if (e.key === "ArrowDown" && links().length) { e.preventDefault(); links()[0].focus(); }
});
list.addEventListener("keydown", (e) => {
  const all = links(), at = all.indexOf(document.activeElement);
  if (at < 0) return;
  let next = null;
  if (e.key === "ArrowDown") next = all[Math.min(at + 1, all.length - 1)];
  else if (e.key === "ArrowUp") next = at === 0 ? input : all[at - 1];
  else if (e.key === "Escape") next = input;
  if (next) { e.preventDefault(); next.focus(); }
});

form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
input.addEventListener("input", () => run());
trackMenu.addEventListener("change", async () => { await fillLevels(levelMenu.value); run(); });
levelMenu.addEventListener("change", () => run());

// ?q=…&track=…&level=… pre-fill the form and run at once (shareable); the menus fill in later.
const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
for (const [menu, value] of [[trackMenu, params.get("track")], [levelMenu, params.get("level")]]) {
  if (value) { menu.append(new Option(value, value)); menu.value = value; }
}
if (input.value) run(); else input.focus();
engine.tracks().then((tracks) => {
  const track = trackMenu.value;
  trackMenu.replaceChildren(trackMenu.options[0], ...tracks.map((t) => new Option(t.title, t.id)));
  trackMenu.value = tracks.some((t) => t.id === track) ? track : "";
  return fillLevels(levelMenu.value);
}).catch(unavailable);
