/**
 * The serialized provider is a shim (DESIGN, "Dynamic-provider pitfalls"): `__provider` stays a few KB
 * however the package is installed, and it loads the implementation by package name when the host runs
 * it, so a fixed release applies to resources created before it without re-serializing.
 */
import * as fs from "fs";
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
import { EngineFixture, scrubbedEnv, stackConfig, startEngineFixture, withInputs } from "./engineFixture";

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

describe("the serialized provider is a small shim that loads the installed implementation", () => {
  test("__provider stays under budget whether the package is resolved by name, by local path, or kept in node_modules", async () => {
    const cwd = repoRoot();
    const modes = [
      // The repo's own programs: `pulumi-industrydata` through the node_modules self-link (Node follows it to dist/).
      { mode: "package name via node_modules symlink", module: "pulumi-industrydata", env: {} },
      // A program importing the library by path.
      { mode: "local path import", module: "./dist/provider/index.js", env: {} },
      // As if installed from the registry: the module path stays under node_modules.
      { mode: "package name, path kept under node_modules", module: "pulumi-industrydata", env: { NODE_PRESERVE_SYMLINKS: "1" } },
    ];
    const results = await Promise.all(
      modes.map(async (m) => ({ ...m, resources: await serializeResources({ cwd, env: m.env, resources: everyClass(m.module) }) })),
    );
    const reference = results[0]!.resources;
    for (const { mode, resources } of results) {
      console.log(`engine/providerShim: __provider bytes (${mode}): ${resources.map((r) => `${r.name}=${r.providerBytes}`).join(", ")}`);
      expect(resources).toHaveLength(6);
      for (const r of resources) {
        expect(r.providerBytes).toBeLessThan(budgetBytes);
        // Nothing captured by value or by module path: only the runtime, by package name, at call time.
        expect(r.provider.match(/require\("[^"]*"\)/g)?.every((m) => m === 'require("pulumi-industrydata/runtime")')).toBe(true);
        expect(r.provider).toBe(reference.find((x) => x.name === r.name)!.provider);
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

    test("the state's __provider, run by a host where a fixed release is installed, uses the fixed release", async () => {
      const district = fx.resource("district");
      await district.up(fx.resources.district.inputs);
      const users = fx.resource("users");
      await users.up(withInputs(fx.resources.users, { flowSetId: district.state!.id }));
      const serialized: RegisteredResource = fx.resources.users;
      expect(users.state!.outputs.__provider).toBe(serialized.provider);
      expect(users.state!.outputs.patchedRelease).toBeUndefined();
      expect(resolutions(fx.host)).toEqual([`pulumi-industrydata/runtime -> ${path.join(repoRoot(), "dist", "provider", "resources", "runtime.js")}`]);

      // Next run, after the fix shipped: same stored state, same __provider text, not re-serialized.
      const later = new EngineResource(patchedHost, users.urn);
      later.state = users.state;
      const refreshed = await later.refresh();
      expect(refreshed.state!.outputs.__provider).toBe(serialized.provider);
      expect(refreshed.state!.outputs.patchedRelease).toBe("0.1.1-fix");
      expect(resolutions(patchedHost)).toEqual([
        `pulumi-industrydata/runtime -> ${path.join(release.packageDir("pulumi-industrydata"), "runtime.js")}`,
      ]);

      await later.destroy();
      await district.destroy();
    });
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
    JSON.stringify({ name: "pulumi-industrydata", version: "0.1.1-fix", exports: { "./runtime": "./runtime.js" } }),
  );
  const current = path.join(repoRoot(), "dist", "provider", "resources", "runtime.js");
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
