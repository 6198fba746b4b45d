/**
 * Secrets through the real host: a default password declared with `pulumi.secret` and the access token given
 * as secret stack config reach Graph, yet appear nowhere a user or a state file could see them: not in
 * `__provider`, not in any line the host printed or logged, not in any answer but Check's (whose inputs the
 * engine stores as secret), and never in plain text in the engine's state.
 */
import { passwordMatches } from "../../emulator";
import { Secret } from "../harness";
import { EngineFixture, startEngineFixture, withInputs } from "./engineFixture";
import { answerBesideSecretInputs, flowsOf, newPassword, plainTextPaths, userFlowArgs } from "./engineScenarios";

describe("secret password and token through the dynamic-provider host", () => {
  const firstPassword = newPassword();
  const secondPassword = newPassword();
  let fx: EngineFixture;

  beforeAll(async () => {
    fx = await startEngineFixture({
      declarations: [
        { module: "pulumi-industrydata", exportName: "OutboundProvisioningFlowSet", name: "district", args: { displayName: "Secrets district" } },
        { module: "pulumi-industrydata", exportName: "UserProvisioningFlow", name: "users", args: userFlowArgs({ password: firstPassword }) },
        { module: "pulumi-industrydata", exportName: "UserProvisioningFlow", name: "users-v2", args: userFlowArgs({ password: secondPassword }) },
      ],
    });
    console.log(`engine/secretPassword: host start ${fx.host.startupMs} ms, configure ${fx.host.configureMs} ms`);
  });

  afterAll(async () => {
    await fx?.stop();
  });

  /** The stored password hash of the set's user flow for the students role group. */
  async function storedPasswordHash(setId: string): Promise<string> {
    const flow = (await flowsOf(fx, setId))?.find((f) => f.kind === "userProvisioningFlow");
    const hash = flow?.creationOptions?.configurations?.[0]?.defaultPasswordSettings?.passwordHash;
    expect(typeof hash).toBe("string");
    return hash as string;
  }

  test("the password travels to Graph and is applied; a new declared password is one more update", async () => {
    const district = fx.resource("district");
    await district.up(fx.resources.district.inputs);
    const setId = district.state!.id;
    const users = fx.resource("users");
    await users.up(withInputs(fx.resources.users, { flowSetId: setId }));
    expect(passwordMatches(await storedPasswordHash(setId), firstPassword)).toBe(true);

    // Graph reads the password back masked: that must not look like a change.
    expect((await users.preview(withInputs(fx.resources.users, { flowSetId: setId }))).diff?.changes).toBe("DIFF_NONE");
    await users.refresh();
    expect((await users.preview(withInputs(fx.resources.users, { flowSetId: setId }))).diff?.changes).toBe("DIFF_NONE");

    // The program now declares another password (same URN, next `up`).
    const rotated = await users.up(withInputs(fx.resources["users-v2"], { flowSetId: setId }));
    expect(rotated.op).toBe("update");
    expect(passwordMatches(await storedPasswordHash(setId), secondPassword)).toBe(true);

    // The engine's state for the resource: the password only ever inside a secret. (Control: the scan does
    // see plain values deep inside the outputs.)
    expect(plainTextPaths(users.state!.outputs, "minor")).toContain("managementOptions.additionalOptions.studentAgeGroup");
    for (const [part, value] of Object.entries({ inputs: users.state!.inputs, outputs: users.state!.outputs })) {
      expect({ part, paths: plainTextPaths(value, firstPassword) }).toEqual({ part, paths: [] });
      expect({ part, paths: plainTextPaths(value, secondPassword) }).toEqual({ part, paths: [] });
    }
    await users.destroy();
    await district.destroy();
  });

  test("the class sends the password only in its secret input, and __provider carries neither password nor token", () => {
    const registered = fx.resources.users;
    // Only the secret is secret: the password travels in defaultPasswords, creationOptions stays readable.
    expect(registered.inputs.defaultPasswords).toBeInstanceOf(Secret);
    expect(registered.inputs.creationOptions).not.toBeInstanceOf(Secret);
    expect(plainTextPaths(registered.inputs, firstPassword)).toEqual([]);
    for (const r of Object.values(fx.resources)) {
      expect(r.provider).not.toContain(firstPassword);
      expect(r.provider).not.toContain(secondPassword);
      expect(r.provider).not.toContain(fx.token);
    }
  });

  test("no log line and no answer but Check's holds the password or the token", async () => {
    // Its own full life, so there is plenty to search whatever ran before: every method, and an error path.
    const district = fx.resource("district");
    await district.up(fx.resources.district.inputs);
    const setId = district.state!.id;
    const users = fx.resource("users");
    await users.up(withInputs(fx.resources.users, { flowSetId: setId }));
    await users.refresh();
    await users.up(withInputs(fx.resources["users-v2"], { flowSetId: setId }));
    await users.destroy();
    await district.destroy();
    const orphan = fx.resource("users");
    await expect(orphan.up(withInputs(fx.resources.users, { flowSetId: setId }))).rejects.toThrow();
    // Paths that make the host print: a failing Read (the host logs the error and its stack to stderr) and
    // a deprecation warning, both while handling inputs that hold the password.
    const withPassword = withInputs(fx.resources.users, { flowSetId: setId });
    await expect(fx.host.read(fx.resources.users.urn, "not-a-flow-id", withPassword, withPassword)).rejects.toThrow();
    await fx.host.check(fx.resources.users.urn, {}, {
      ...withPassword,
      managementOptions: { additionalOptions: { markAllStudentsAsMinors: true } },
    });
    await new Promise((r) => setTimeout(r, 200)); // host output arrives on its own streams
    expect(fx.host.transcript.map((r) => r.method)).toEqual(
      expect.arrayContaining(["configure", "check", "diff", "create", "read", "update", "delete"]),
    );

    const lines = fx.host.output.map((l) => `${l.source}: ${l.text}`);
    const answers = fx.host.transcript
      .filter((r) => r.method !== "check")
      .map((r) => answerBesideSecretInputs(r.method, r.response ?? r.error));
    expect(lines.length).toBeGreaterThan(0); // control: there was output to search
    for (const secretText of [firstPassword, secondPassword, fx.token]) {
      expect(lines.filter((l) => l.includes(secretText))).toEqual([]);
      expect(answers.filter((a) => a.includes(secretText))).toEqual([]);
    }
    console.log(`engine/secretPassword: searched ${lines.length} host lines and ${answers.length} answers`);
  });
});
