/**
 * The harness itself, proven against a toy dynamic provider built like ours (fixtures/toy-provider): the
 * real Node dynamic-provider host, real serialized `__provider` text, engine-style secrets and olds.
 */
import * as fs from "fs";
import * as path from "path";
import {
  EngineResource,
  makeProgramDir,
  ProgramDir,
  ProviderHost,
  RegisteredResource,
  Secret,
  secret,
  serializeProvider,
  startProviderHost,
} from "./index";
import { TEST_KEYS, TEST_PASSWORDS } from "../support/testSecrets";

const fixture = path.join(__dirname, "fixtures", "toy-provider");
const password = TEST_PASSWORDS.toyPassword;
const apiKey = TEST_KEYS.toyApiKey;
const args = { shelf: "A", color: "red", size: 3, labels: ["x"], password: secret(password) };

describe("provider host harness (toy provider)", () => {
  let program: ProgramDir;
  let storeFile: string;
  let widget: RegisteredResource;
  let host: ProviderHost;

  const config = () => ({ "toy:storeFile": storeFile, "toy:apiKey": secret(apiKey) });
  const store = () => JSON.parse(fs.readFileSync(storeFile, "utf8"));

  beforeAll(async () => {
    program = makeProgramDir({ packages: [{ name: "toy-dynamic-provider", from: fixture }] });
    storeFile = path.join(program.dir, "store.json");
    widget = await serializeProvider({ cwd: program.dir, module: "toy-dynamic-provider", exportName: "Widget", name: "w1", args });
    host = await startProviderHost({ cwd: program.dir, config: config() });
    console.log(
      `toy: __provider ${widget.providerBytes} bytes; host start ${host.startupMs} ms, configure ${host.configureMs} ms`,
    );
  });

  afterAll(async () => {
    await host?.stop();
    program?.remove();
  });

  test("the registered inputs carry the serialized provider and keep the password secret", () => {
    expect(widget.urn).toBe("urn:pulumi:test::industrydata-engine-test::pulumi-nodejs:dynamic/toy:Widget::w1");
    expect(widget.provider).toContain('require("toy-dynamic-provider/runtime")');
    expect(widget.inputs.password).toBeInstanceOf(Secret);
    expect(widget.provider).not.toContain(password);
  });

  test("the host answers Configure with acceptSecrets false, so later calls carry plain values", () => {
    expect(host.acceptSecrets).toBe(false);
    const check = host.transcript.find((r) => r.method === "check");
    expect(JSON.stringify(check?.request ?? {})).not.toContain("1b47061264138c4ac30d75fd1eb44270");
  });

  test("create, no-op diff, update, drift through refresh, restore, replace, delete", async () => {
    const res = new EngineResource(host, widget.urn);
    expect((await res.up(widget.inputs)).op).toBe("create");
    const id = res.state!.id;
    expect(store()[id]).toMatchObject({ color: "red", size: 3 });
    // Outputs sharing the secret input's name would be re-marked; the hash is a new name, so stays plain.
    expect(res.state!.outputs.passwordHash).toEqual(expect.any(String));

    const same = await res.up(widget.inputs);
    expect(same.op).toBe("same");
    expect(same.diff?.changes).toBe("DIFF_NONE");

    expect((await res.up({ ...widget.inputs, size: 4 })).op).toBe("update");
    expect(store()[id].size).toBe(4);

    const drifted = store();
    drifted[id].color = "blue";
    fs.writeFileSync(storeFile, JSON.stringify(drifted));
    const refreshed = await res.refresh();
    expect(refreshed.state?.outputs.color).toBe("blue");
    const plan = await res.preview({ ...widget.inputs, size: 4 });
    expect(plan.diff?.changes).toBe("DIFF_SOME");
    expect((await res.up({ ...widget.inputs, size: 4 })).op).toBe("update");
    expect(store()[id].color).toBe("red");

    const replaced = await res.up({ ...widget.inputs, size: 4, shelf: "B" });
    expect(replaced).toMatchObject({ op: "replace", calls: ["check", "diff", "delete", "create"] });
    expect(replaced.diff).toMatchObject({ replaces: ["shelf"], deleteBeforeReplace: true });
    expect(store()[id]).toBeUndefined();

    await res.destroy();
    expect(Object.keys(store())).toHaveLength(0);
  });

  test("a Check failure names its property", async () => {
    const checked = await host.check(widget.urn, {}, { ...widget.inputs, color: "purple" });
    expect(checked.failures).toEqual([{ property: "color", reason: expect.stringContaining("red, green, blue") }]);
  });

  test("neither the secret input nor the secret config appears in any log line or answer but Check's inputs", () => {
    const answersButCheck = host.transcript
      .filter((r) => r.method !== "check")
      .map((r) => JSON.stringify(r.response ?? r.error ?? ""));
    const lines = host.output.map((l) => l.text);
    expect(lines.some((l) => l.includes("configured with store"))).toBe(true);
    for (const text of [...answersButCheck, ...lines]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(apiKey);
    }
  });

  test("an old __provider text runs the implementation installed now (shim loads it by name)", async () => {
    const runtimeFile = path.join(program.packageDir("toy-dynamic-provider"), "runtime.js");
    const original = fs.readFileSync(runtimeFile, "utf8");
    fs.writeFileSync(runtimeFile, original.replace('RUNTIME_VERSION = "v1"', 'RUNTIME_VERSION = "v2"'));
    const later = await startProviderHost({ cwd: program.dir, config: config() });
    try {
      const res = new EngineResource(later, widget.urn);
      await res.up(widget.inputs); // the very text serialized in beforeAll, not re-serialized
      expect(res.state!.outputs.runtimeVersion).toBe("v2");
      await res.destroy();
    } finally {
      await later.stop();
      fs.writeFileSync(runtimeFile, original);
    }
  });

  test("__provider size: installed copy vs symlinked package", async () => {
    const linked = makeProgramDir({ packages: [{ name: "toy-dynamic-provider", from: fixture, mode: "symlink" }] });
    try {
      const viaLink = await serializeProvider({ cwd: linked.dir, module: "toy-dynamic-provider", exportName: "Widget", name: "w1", args });
      console.log(`toy: __provider copy ${widget.providerBytes} B, symlink ${viaLink.providerBytes} B`);
      // The shim captures nothing but its kind, so how the package is installed does not matter.
      expect(viaLink.provider).toBe(widget.provider);
      expect(widget.providerBytes).toBeLessThan(4096);
    } finally {
      linked.remove();
    }
  });
});
