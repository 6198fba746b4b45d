/**
 * The package schema's JSON text, computed once at build time (`npm run build` runs scripts/plugin-schema-cache.js
 * after tsc) and written beside the compiled plugin, so that GetSchema loads nothing: computing it loads the
 * descriptors, the config and the lookups with everything they import, which was most of the CPU of the plugin
 * process the engine starts only for the schema (once per `preview`, twice per `up`, for a YAML program).
 *
 * The file names every compiled module the computation loaded, each with its SHA-1: when any differs (a rebuild
 * with `tsc` alone after an edit, a partial copy) or the version differs, the cache is not used and the caller
 * computes the schema as before. In the single executable the file is not beside the bundle, so it is computed.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

/** Where `npm run build` writes the cache. */
export const SCHEMA_CACHE_FILE = path.join(__dirname, "packageSchema.cache.json");

interface SchemaCache {
  version: string;
  /** Compiled module path (relative to this folder) -> SHA-1 of its content when the schema was computed. */
  sources: Record<string, string>;
  schema: string;
}

function sha1(file: string): string | undefined {
  try {
    return crypto.createHash("sha1").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/** The cached schema text for `version`, or undefined when there is none or it is stale. */
export function readSchemaCache(version: string, file: string = SCHEMA_CACHE_FILE): string | undefined {
  let cache: SchemaCache;
  try {
    cache = JSON.parse(fs.readFileSync(file, "utf8")) as SchemaCache;
  } catch {
    return undefined;
  }
  if (cache.version !== version || typeof cache.schema !== "string" || Object.keys(cache.sources ?? {}).length === 0) return undefined;
  for (const [relative, hash] of Object.entries(cache.sources)) if (sha1(path.join(__dirname, relative)) !== hash) return undefined;
  return cache.schema;
}

/** Computes the schema for `version` and writes it with the modules it came from; returns the text. */
export function writeSchemaCache(version: string, file: string = SCHEMA_CACHE_FILE): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here so require.cache lists what the schema needs
  const { packageSchema } = require("./packageSchema") as typeof import("./packageSchema");
  const schema = JSON.stringify(packageSchema({ version }));
  // Every compiled module of this package loaded so far: what the schema was computed from (a superset is harmless).
  const providerRoot = path.resolve(__dirname, "..");
  const sources = Object.fromEntries(
    Object.keys(require.cache)
      .filter((loaded) => loaded.startsWith(providerRoot + path.sep) && loaded.endsWith(".js"))
      .sort()
      .map((loaded) => [path.relative(__dirname, loaded), sha1(loaded)!]),
  );
  fs.writeFileSync(file, JSON.stringify({ version, sources, schema } satisfies SchemaCache));
  return schema;
}
