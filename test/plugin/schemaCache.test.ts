/**
 * The package schema `npm run build` writes beside the compiled plugin (provider/plugin/schemaCache.ts), which the
 * plugin's GetSchema answers without loading the provider: it is the schema the provider computes, and it is
 * not used once it could be stale (another version, or any compiled module it came from changed), so a rebuild
 * with tsc alone never serves an old schema. Run against the compiled modules (dist/), as the plugin runs.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";

const dist = path.join(repoRoot(), "dist", "provider", "plugin");
const cacheModule = require(path.join(dist, "schemaCache.js")) as typeof import("../../provider/plugin/schemaCache");
const { packageSchema } = require(path.join(dist, "packageSchema.js")) as typeof import("../../provider/plugin/packageSchema");
const { version } = require("../../package.json") as { version: string };

/** Writes a cache as `npm run build` does: in a Node process of its own (jest's module registry has no require.cache). */
function writeCache(file: string): string {
  execFileSync(process.execPath, ["-e", `require(${JSON.stringify(path.join(dist, "schemaCache.js"))}).writeSchemaCache(${JSON.stringify(version)}, ${JSON.stringify(file)})`]);
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { schema: string }).schema;
}

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-schema-cache-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("npm run build's cache is the schema the provider computes", () => {
  expect(cacheModule.readSchemaCache(version)).toBe(JSON.stringify(packageSchema({ version })));
});

test("a written cache is read back for its version, and names the compiled modules it came from", () => {
  const file = path.join(dir, "cache.json");
  const written = writeCache(file);
  expect(written).toBe(JSON.stringify(packageSchema({ version })));
  expect(cacheModule.readSchemaCache(version, file)).toBe(written);
  const sources = Object.keys((JSON.parse(fs.readFileSync(file, "utf8")) as { sources: Record<string, string> }).sources);
  expect(sources).toEqual(expect.arrayContaining(["packageSchema.js", path.join("..", "schema", "descriptors.js")]));
});

test.each([
  ["another version", (cache: { version: string; sources: Record<string, string> }) => ({ ...cache, version: `${cache.version}-other` })],
  ["a compiled module changed since", (cache: { version: string; sources: Record<string, string> }) => ({ ...cache, sources: { ...cache.sources, "packageSchema.js": "0".repeat(40) } })],
  ["a compiled module is gone", (cache: { version: string; sources: Record<string, string> }) => ({ ...cache, sources: { ...cache.sources, "gone.js": "0".repeat(40) } })],
  ["no modules named", (cache: { version: string; sources: Record<string, string> }) => ({ ...cache, sources: {} })],
])("the cache is not used when it was written for %s", (_name, spoil) => {
  const file = path.join(dir, "cache.json");
  writeCache(file);
  fs.writeFileSync(file, JSON.stringify(spoil(JSON.parse(fs.readFileSync(file, "utf8")))));
  expect(cacheModule.readSchemaCache(version, file)).toBeUndefined();
});

test("no cache file: not used", () => {
  expect(cacheModule.readSchemaCache(version, path.join(dir, "missing.json"))).toBeUndefined();
});
