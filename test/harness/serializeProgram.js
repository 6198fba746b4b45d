#!/usr/bin/env node
/**
 * Runs Pulumi resource declarations under `pulumi.runtime.setMocks` in a plain Node process (not under jest:
 * the closure serializer reads Node's own `require.cache`, which jest replaces) with the program's folder as
 * working directory, exactly where the language host would run the program. Prints every registered
 * resource's type, name and inputs, `__provider` included, as one JSON line after a marker.
 *
 * Input: a JSON spec in the HARNESS_SERIALIZE_SPEC environment variable:
 *   { project, stack, resources: [{ module, exportName, name, args, opts? }], program? }
 * `module` is resolved from the working directory (a package name such as "pulumi-industrydata", or a path).
 * In `args`, `{ "__harnessSecret": v }` stands for `pulumi.secret(v)`.
 */
"use strict";
const path = require("path");
const { createRequire } = require("module");

const MARKER = "__HARNESS_SERIALIZED__";
const SECRET_KEY = "__harnessSecret";

/**
 * Resolves as a program file in the working directory would. Not `require.resolve(name, { paths: [cwd] })`:
 * this file lives inside the pulumi-industrydata package, so Node's package self-reference would map
 * "pulumi-industrydata" to this repository whatever `paths` says, and a program folder with its own installed
 * copy would still serialize the repository's classes.
 */
function resolveFromCwd(specifier) {
  return createRequire(path.join(process.cwd(), "program.js")).resolve(specifier);
}

/** The @pulumi/pulumi instance the declaring module itself uses (a second copy would not see the mocks). */
function pulumiFor(moduleFile) {
  return require(createRequire(moduleFile).resolve("@pulumi/pulumi"));
}

function reviveSecrets(pulumi, value) {
  if (Array.isArray(value)) return value.map((v) => reviveSecrets(pulumi, v));
  if (value && typeof value === "object") {
    if (Object.keys(value).length === 1 && SECRET_KEY in value) return pulumi.secret(value[SECRET_KEY]);
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = reviveSecrets(pulumi, v);
    return out;
  }
  return value;
}

async function main() {
  const spec = JSON.parse(process.env.HARNESS_SERIALIZE_SPEC || "{}");
  const project = spec.project || "industrydata-engine-test";
  const stack = spec.stack || "test";
  const first = spec.program ? resolveFromCwd(spec.program) : resolveFromCwd(spec.resources[0].module);
  const pulumi = pulumiFor(first);
  const registered = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call() {
        return {};
      },
    },
    project,
    stack,
    false,
  );
  const created = [];
  if (spec.program) {
    const exported = require(first);
    if (typeof exported === "function") await exported();
    else if (exported && typeof exported.default === "function") await exported.default();
  }
  for (const r of spec.resources || []) {
    const mod = require(resolveFromCwd(r.module));
    const Ctor = mod[r.exportName];
    if (typeof Ctor !== "function") throw new Error(`${r.module} has no export ${r.exportName}`);
    created.push(new Ctor(r.name, reviveSecrets(pulumi, r.args), r.opts || {}));
  }
  // Registration completes asynchronously (inputs, including the serialized provider, are awaited first).
  await Promise.all(created.map((res) => new Promise((resolve) => res.urn.apply(resolve))));
  // A program registers on its own schedule: wait until no new registration arrives for a moment.
  for (let seen = -1; seen !== registered.length; ) {
    seen = registered.length;
    await new Promise((r) => setTimeout(r, 150));
  }
  process.stdout.write(`${MARKER}${JSON.stringify({ project, stack, resources: registered })}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${(err && err.stack) || err}\n`);
    process.exit(1);
  },
);
