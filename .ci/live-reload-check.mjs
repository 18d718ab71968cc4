// Driven by .ci/live-reload-check: node --experimental-websocket live-reload-check.mjs DEBUG_PORT SITE_URL SITE_DIR
import { execSync } from "node:child_process";
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
const [,, debugPort, siteURL, siteDir] = process.argv;
const targets = await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json();
const ws = new WebSocket(targets.find(t => t.type === "page").webSocketDebuggerUrl);
await new Promise(r => ws.onopen = r);
let id = 0; const pending = new Map();
ws.onmessage = (m) => { const d = JSON.parse(m.data); if (d.id && pending.has(d.id)) { pending.get(d.id)(d); pending.delete(d.id); } };
const send = (method, params = {}) => new Promise(r => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
const evalJS = async (expr) => (await send("Runtime.evaluate", { expression: expr, returnByValue: true })).result.result.value;
async function visit(url) { await send("Page.navigate", { url }); await sleep(1500); await evalJS("window.__marker = 1"); }
function check(name, ok) { console.log((ok ? "PASS " : "FAIL ") + name); }

await send("Page.enable"); await send("Runtime.enable");
await visit(siteURL + "eng/l2/");
check("page loaded", (await evalJS("document.title")).length > 0);
execSync(`mkdir -p ${siteDir}/templates/assets && echo 'body{background:rgb(1,2,3)}' > ${siteDir}/templates/assets/style.css`);
await sleep(1500);
check("css change: no reload", await evalJS("window.__marker") === 1);
check("css change: new stylesheet applied", await evalJS("getComputedStyle(document.body).backgroundColor") === "rgb(1, 2, 3)");
execSync(`echo '- Browser edit.' >> ${siteDir}/content/eng/l2.md`);
await sleep(1500);
check("content change: reloaded", await evalJS("window.__marker") === undefined);
check("content change: new text", (await evalJS("document.body.innerText")).includes("Browser edit."));
await visit(siteURL + "bare/");
check("bare page served without head", (await evalJS("document.head.children.length")) === 0);
execSync(`sed -i "s/title: Bare page/title: Bare page again/" ${siteDir}/content/bare.md`);
await sleep(1500);
check("page without <head>: reloaded", await evalJS("window.__marker") === undefined && (await evalJS("document.body.innerText")).includes("Bare page again"));
await visit(siteURL + "eng/l1/");
execSync(`sed -i 's/^title: Engineer 2/title: [broken/' ${siteDir}/content/eng/l2.md`);
await sleep(1500);
check("error: overlay shown", (await evalJS("document.getElementById('ladder-overlay') !== null")) === true);
execSync(`sed -i 's/^title: \\[broken/title: Engineer 2/' ${siteDir}/content/eng/l2.md`);
await sleep(1500);
check("error fixed: overlay gone", (await evalJS("document.getElementById('ladder-overlay') === null")) === true);
ws.close(); process.exit(0);
