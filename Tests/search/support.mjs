// Shared by the node tests: builds a site with the real ladder binary into a temporary folder and
// opens its search index through a fetch function that reads the built files from disk.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The ladder binary: $LADDER, else SwiftPM's debug build. */
export function ladderBinary() {
  const binary = process.env.LADDER || join(repo, ".build", "debug", "ladder");
  if (!existsSync(binary)) throw new Error(`no ladder binary at ${binary}: run 'swift build' or set LADDER`);
  return binary;
}

/**
 * Builds `content` (a folder to copy, or a function that writes files into the site folder) and
 * returns {folder, public, engine(), fetched, remove()}. `fetched` lists every file the engine read.
 */
export async function buildSite(content, args = []) {
  const folder = mkdtempSync(join(tmpdir(), "ladder-search-"));
  if (typeof content === "string") cpSync(content, join(folder, "content"), { recursive: true });
  else content(folder);
  execFileSync(ladderBinary(), ["build", folder, "--quiet", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const pub = join(folder, "public");
  const meta = readdirSync(join(pub, "search")).find((name) => /^index\.[0-9a-f]+\.json$/.test(name));
  const core = await import(pathToFileURL(join(pub, "assets", "search-core.js")).href);
  const site = {
    folder, public: pub, core, meta, fetched: [],
    /** A fresh engine (empty cache); the "server" maps URL paths onto public/. */
    engine(basePath = "/") {
      site.fetched = [];
      return new core.SearchEngine(`http://site.test${basePath}search/${meta}`, async (url) => {
        const path = new URL(url).pathname.slice(basePath.length - 1);
        const bytes = readFileSync(join(pub, path));
        site.fetched.push({ path, bytes: bytes.length });
        return JSON.parse(bytes.toString("utf8"));
      });
    },
    remove() { rmSync(folder, { recursive: true, force: true }); },
  };
  return site;
}

export const fixture = (name) => join(repo, "Tests", "LadderTests", "Fixtures", "sites", name, "content");
