/**
 * The serialized provider is a shim (DESIGN, "Dynamic-provider pitfalls"): `__provider` stays a few KB
 * however the package is installed, and it loads the implementation by package name when the host runs
 * it, so a fixed release applies to resources created before it without re-serializing.
 *
 * Two layouts serialize differently, and both are checked: installed in a program's node_modules (what users
 * get), the shim module is written as a `require` of its path; loaded from a local path (this repo's own
 * programs, a symlinked workspace), its methods are inlined.
 */
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import {
  EngineResource,
  makeProgramDir,
  ProgramDir,
  ProviderHost,
  RegisteredResource,
  repoRoot,
  serializeResources,
  startProviderHost,
} from "../harness";
import { EngineFixture, scrubbedEnv, stackConfig, startEngineFixture } from "./engineFixture";

const budgetBytes = 4096;
const observer = path.join(repoRoot(), "test", "harness", "fixtures", "requireObserver.js");
const observe = { nodeArgs: ["--require", observer], env: { HARNESS_OBSERVE_REQUIRE: "^pulumi-industrydata" } };

/** One declaration per resource class (arguments are data here: only the serialized provider matters). */
function everyClass(module: string) {
  const flow = { flowSetId: "set" };
  return [
    { exportName: "OutboundProvisioningFlowSet", args: { displayName: "d" } },
    { exportName: "UserProvisioningFlow", args: { ...flow, managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } } },
    { exportName: "ClassGroupProvisioningFlow", args: { ...flow, configuration: {} } },
    { exportName: "SecurityGroupProvisioningFlow", args: { ...flow, creationOptions: {} } },
    { exportName: "AdministrativeUnitProvisioningFlow", args: { ...flow, creationOptions: {} } },
    { exportName: "ProvisioningFlow", args: { ...flow, flowId: "f" } },
  ].map((d) => ({ module, name: d.exportName, ...d }));
}

const keyOf: Record<string, string> = {
  OutboundProvisioningFlowSet: "flowSet",
  UserProvisioningFlow: "userProvisioningFlow",
  ClassGroupProvisioningFlow: "classGroupProvisioningFlow",
  SecurityGroupProvisioningFlow: "securityGroupProvisioningFlow",
  AdministrativeUnitProvisioningFlow: "administrativeUnitProvisioningFlow",
  ProvisioningFlow: "provisioningFlow",
};
const shimModule = (key: string) => `pulumi-industrydata/dist/provider/resources/shims/${key}.js`;
/** Every `require("…")` in a serialized text. */
const requires = (text: string) => [...text.matchAll(/require\("([^"]*)"\)/g)].map((m) => m[1]);

describe("the serialized provider is a small shim that loads the installed implementation", () => {
  let installed: ProgramDir;
  let symlinked: ProgramDir;
  /** Serialized in a program folder with the package installed as a copy (as `npm install` gives users). */
  let installedResources: RegisteredResource[];

  beforeAll(async () => {
    installed = installedProgram();
    symlinked = makeProgramDir({ prefix: "industrydata-linked-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    installedResources = await serializeResources({ cwd: installed.dir, resources: everyClass("pulumi-industrydata") });
  });

  afterAll(() => {
    installed?.remove();
    symlinked?.remove();
  });

  test("installed in node_modules, __provider is only a require of the class's shim module, resolvable from the program", () => {
    console.log(`engine/providerShim: __provider bytes (installed copy): ${installedResources.map((r) => `${r.name}=${r.providerBytes}`).join(", ")}`);
    expect(installedResources).toHaveLength(6);
    const programRequire = createRequire(path.join(installed.dir, "program.js"));
    for (const r of installedResources) {
      expect(r.providerBytes).toBeLessThan(budgetBytes);
      expect(requires(r.provider)).toEqual([shimModule(keyOf[r.name]!)]);
      // Nothing inlined: no method body, hence no captured value of any kind.
      expect(r.provider).not.toMatch(/providers\[|configure|with\(\{ key/);
      // The host requires it from the program folder: package.json "exports" must list the path, and it is the copy.
      expect(programRequire.resolve(shimModule(keyOf[r.name]!))).toBe(
        path.join(installed.packageDir("pulumi-industrydata"), "dist", "provider", "resources", "shims", `${keyOf[r.name]}.js`),
      );
    }
  });

  test("loaded from a local path, __provider inlines small methods that require only the runtime, by package name", async () => {
    const cwd = repoRoot();
    const modes = [
      // The repo's own programs: `pulumi-industrydata` resolves to the repo itself (package self-reference).
      { mode: "package name in this repo", cwd, module: "pulumi-industrydata" },
      // A program importing the library by path.
      { mode: "local path import", cwd, module: "./dist/provider/index.js" },
      // A workspace link or `npm link`: Node follows the symlink out of node_modules.
      { mode: "symlinked into node_modules", cwd: symlinked.dir, module: "pulumi-industrydata" },
    ];
    const results = await Promise.all(
      modes.map(async (m) => ({ ...m, resources: await serializeResources({ cwd: m.cwd, resources: everyClass(m.module) }) })),
    );
    const reference = results[0]!.resources;
    for (const { mode, resources } of results) {
      console.log(`engine/providerShim: __provider bytes (${mode}): ${resources.map((r) => `${r.name}=${r.providerBytes}`).join(", ")}`);
      expect(resources).toHaveLength(6);
      for (const r of resources) {
        expect(r.providerBytes).toBeLessThan(budgetBytes);
        // Nothing captured by value or by module path: only the runtime, by package name, at call time.
        expect(new Set(requires(r.provider))).toEqual(new Set(["pulumi-industrydata/runtime"]));
        expect(r.provider).toBe(reference.find((x) => x.name === r.name)!.provider);
        // The two layouts really differ (the harness serializes the program folder's own copy).
        expect(r.provider).not.toBe(installedResources.find((x) => x.name === r.name)!.provider);
      }
    }
  });

  describe("an old __provider text under a newer installed release", () => {
    let fx: EngineFixture;
    let release: ProgramDir;
    let patchedHost: ProviderHost;

    beforeAll(async () => {
      fx = await startEngineFixture({
        declarations: [
          { module: "pulumi-industrydata", exportName: "OutboundProvisioningFlowSet", name: "district", args: { displayName: "Shim district" } },
          {
            module: "pulumi-industrydata",
            exportName: "UserProvisioningFlow",
            name: "users",
            args: { flowSetId: "placeholder-set", managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } },
          },
        ],
        host: observe,
      });
      release = patchedReleaseProgram();
      patchedHost = await startProviderHost({
        cwd: release.dir,
        config: stackConfig(fx),
        nodeArgs: observe.nodeArgs,
        env: { ...scrubbedEnv(), ...observe.env },
      });
      console.log(`engine/providerShim: host start ${fx.host.startupMs} ms (repo), ${patchedHost.startupMs} ms (patched release)`);
    });

    afterAll(async () => {
      await patchedHost?.stop();
      await fx?.stop();
      release?.remove();
    });

    const runtimeIn = (dir: string) => `pulumi-industrydata/runtime -> ${path.join(dir, "runtime.js")}`;
    const layouts = [
      {
        layout: "inlined (local path)",
        serialized: () => fx.resources.users,
        repoResolutions: [runtimeIn(path.join(repoRoot(), "dist", "provider", "dynamic"))],
        releaseResolutions: () => [runtimeIn(release.packageDir("pulumi-industrydata"))],
      },
      {
        layout: "installed (require of the shim module)",
        serialized: () => installedResources.find((r) => r.name === "UserProvisioningFlow")!,
        repoResolutions: [
          `${shimModule("userProvisioningFlow")} -> ${path.join(repoRoot(), "dist", "provider", "resources", "shims", "userProvisioningFlow.js")}`,
          runtimeIn(path.join(repoRoot(), "dist", "provider", "dynamic")),
        ],
        releaseResolutions: () => [
          `${shimModule("userProvisioningFlow")} -> ${path.join(release.packageDir("pulumi-industrydata"), "dist", "provider", "resources", "shims", "userProvisioningFlow.js")}`,
          runtimeIn(release.packageDir("pulumi-industrydata")),
        ],
      },
    ];

    test.each(layouts)(
      "$layout: the state's __provider, run by a host where a fixed release is installed, uses the fixed release",
      async ({ serialized, repoResolutions, releaseResolutions }) => {
        const registered: RegisteredResource = serialized();
        const district = fx.resource("district");
        await district.up(fx.resources.district.inputs);
        const users = new EngineResource(fx.host, fx.resources.users.urn);
        await users.up({ ...registered.inputs, flowSetId: district.state!.id });
        expect(users.state!.outputs.__provider).toBe(registered.provider);
        expect(users.state!.outputs.patchedRelease).toBeUndefined();
        expect(resolutions(fx.host)).toEqual(expect.arrayContaining(repoResolutions));

        // Next run, after the fix shipped: same stored state, same __provider text, not re-serialized.
        const later = new EngineResource(patchedHost, users.urn);
        later.state = users.state;
        const refreshed = await later.refresh();
        expect(refreshed.state!.outputs.__provider).toBe(registered.provider);
        expect(refreshed.state!.outputs.patchedRelease).toBe("0.1.1-fix");
        expect(resolutions(patchedHost)).toEqual(expect.arrayContaining(releaseResolutions()));
        // Only the release's files: nothing of the package the state was written with.
        for (const line of resolutions(patchedHost)) expect(line).toContain(release.packageDir("pulumi-industrydata"));

        await later.destroy();
        await district.destroy();
      },
    );
  });
});

/** What the require observer saw the host resolve, in order. */
function resolutions(host: ProviderHost): string[] {
  return host.output.filter((l) => l.text.startsWith("[require-observer] ")).map((l) => l.text.slice("[require-observer] ".length));
}

/**
 * A program folder where `pulumi-industrydata` is a newer release: the current implementation plus an
 * observable fix (Read adds `patchedRelease`).
 */
function patchedReleaseProgram(): ProgramDir {
  const program = makeProgramDir({ prefix: "industrydata-patched-" });
  const pkg = program.packageDir("pulumi-industrydata");
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(
    path.join(pkg, "package.json"),
    JSON.stringify({
      name: "pulumi-industrydata",
      version: "0.1.1-fix",
      exports: { "./runtime": "./runtime.js", "./dist/provider/resources/shims/*.js": "./dist/provider/resources/shims/*.js" },
    }),
  );
  // The shim modules a state serialized in the installed layout requires (they load the runtime by package name).
  fs.cpSync(path.join(repoRoot(), "dist", "provider", "resources", "shims"), path.join(pkg, "dist", "provider", "resources", "shims"), {
    recursive: true,
  });
  fs.cpSync(path.join(repoRoot(), "dist", "provider", "dynamic", "delegatingProvider.js"), path.join(pkg, "dist", "provider", "dynamic", "delegatingProvider.js"));
  const current = path.join(repoRoot(), "dist", "provider", "dynamic", "runtime.js");
  fs.writeFileSync(
    path.join(pkg, "runtime.js"),
    [
      `"use strict";`,
      `const current = require(${JSON.stringify(current)});`,
      `const fixed = (p) => ({ ...p, async read(id, props) { const r = await p.read(id, props); return { ...r, props: { ...r.props, patchedRelease: "0.1.1-fix" } }; } });`,
      `exports.configure = current.configure;`,
      `exports.providers = Object.fromEntries(Object.entries(current.providers).map(([k, p]) => [k, fixed(p)]));`,
    ].join("\n"),
  );
  return program;
}

/**
 * A program folder with the package installed as a copy of what is published (package.json + dist/provider),
 * its dependencies linked from this repo's node_modules, as `npm install pulumi-industrydata` would give.
 */
function installedProgram(): ProgramDir {
  const modules = path.join(repoRoot(), "node_modules");
  const dependencies = fs
    .readdirSync(modules)
    // makeProgramDir links @pulumi itself.
    .filter((entry) => !entry.startsWith(".") && entry !== "pulumi-industrydata" && entry !== "@pulumi")
    .map((entry) => ({ name: entry, from: path.join(modules, entry), mode: "symlink" as const }));
  const program = makeProgramDir({ prefix: "industrydata-installed-", packages: dependencies });
  const pkg = program.packageDir("pulumi-industrydata");
  fs.mkdirSync(pkg, { recursive: true });
  fs.copyFileSync(path.join(repoRoot(), "package.json"), path.join(pkg, "package.json"));
  fs.cpSync(path.join(repoRoot(), "dist", "provider"), path.join(pkg, "dist", "provider"), { recursive: true });
  return program;
}
