// Writes the provider plugin's package schema beside the compiled plugin (dist/provider/plugin/packageSchema.cache.json,
// see provider/plugin/schemaCache.ts), so that the plugin's GetSchema loads nothing. Run by `npm run build` after tsc.
"use strict";

const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { version } = require(path.join(root, "package.json"));
const { writeSchemaCache } = require(path.join(root, "dist", "provider", "plugin", "schemaCache.js"));
writeSchemaCache(version);
