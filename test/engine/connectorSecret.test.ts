/**
 * A OneRoster connector's client secret through the real dynamic-provider host: it reaches Graph on create and
 * on rotation (one update), Graph never returning it is no drift, and it appears nowhere a user or a state file
 * could see it: not in `__provider`, not in any host line or answer but Check's, never in plain text in state.
 */
import { passwordMatches } from "../../emulator";
import { secret, Secret } from "../harness";
import { generatedSecret } from "../support/testSecrets";
import { oneRosterConnectorArgs } from "../support/inboundArgs";
import { EngineFixture, startEngineFixture, withInputs } from "./engineFixture";
import { answerBesideSecretInputs, plainTextPaths } from "./engineScenarios";

function connectorArgs(clientSecret: string): Record<string, unknown> {
  const args = oneRosterConnectorArgs("00000000-0000-0000-0000-00000000beef");
  return { ...args, credential: { ...args.credential, clientSecret: secret(clientSecret) } };
}

describe("OneRoster client secret through the dynamic-provider host", () => {
  const first = generatedSecret("engineClientSecret");
  const second = generatedSecret("engineClientSecret");
  let fx: EngineFixture;

  beforeAll(async () => {
    fx = await startEngineFixture({
      declarations: [
        { module: "pulumi-industrydata", exportName: "SourceSystemDefinition", name: "sis", args: { displayName: "Secrets SIS" } },
        { module: "pulumi-industrydata", exportName: "OneRosterApiDataConnector", name: "oneroster", args: connectorArgs(first) },
        { module: "pulumi-industrydata", exportName: "OneRosterApiDataConnector", name: "oneroster-v2", args: connectorArgs(second) },
      ],
    });
  });

  afterAll(async () => {
    await fx?.stop();
  });

  async function storedSecretHash(connectorId: string): Promise<string> {
    const state = await fx.state<{ dataConnectors: Record<string, any>[] }>();
    return state.dataConnectors.find((c) => c.id === connectorId)?.credential?.clientSecretHash;
  }

  test("sent on create, never drift, rotated with one update; never in plain text in state, answers or host output", async () => {
    const sis = fx.resource("sis");
    await sis.up(fx.resources.sis.inputs);
    const sourceSystemId = sis.state!.id;
    const connector = fx.resource("oneroster");
    await connector.up(withInputs(fx.resources.oneroster, { sourceSystemId }));
    const connectorId = connector.state!.id;
    expect(passwordMatches(await storedSecretHash(connectorId), first)).toBe(true);

    // Graph never returns the secret: that must not look like a change, before or after a refresh.
    expect((await connector.preview(withInputs(fx.resources.oneroster, { sourceSystemId }))).diff?.changes).toBe("DIFF_NONE");
    await connector.refresh();
    expect((await connector.preview(withInputs(fx.resources.oneroster, { sourceSystemId }))).diff?.changes).toBe("DIFF_NONE");

    const rotated = await connector.up(withInputs(fx.resources["oneroster-v2"], { sourceSystemId }));
    expect(rotated.op).toBe("update");
    expect(passwordMatches(await storedSecretHash(connectorId), second)).toBe(true);

    // Control: the scan does see plain values deep inside the outputs, the credential's included (only the secret is
    // secret). `declaredInputs` (the record of the inputs a Read hands back) is secret in a real engine through
    // additionalSecretOutputs, which this harness does not apply; it holds no secret either way.
    expect(plainTextPaths(connector.state!.outputs, "oneroster.example.net")).toEqual(["baseUrl", "declaredInputs.baseUrl"]);
    expect(plainTextPaths(connector.state!.outputs, "One Roster API Credentials")).toEqual(["credential.displayName", "declaredInputs.credential.displayName"]);
    for (const [part, value] of Object.entries({ inputs: connector.state!.inputs, outputs: connector.state!.outputs })) {
      expect({ part, paths: plainTextPaths(value, first) }).toEqual({ part, paths: [] });
      expect({ part, paths: plainTextPaths(value, second) }).toEqual({ part, paths: [] });
    }
    await connector.destroy();
    await sis.destroy();

    await new Promise((r) => setTimeout(r, 200)); // host output arrives on its own streams
    const lines = fx.host.output.map((l) => `${l.source}: ${l.text}`);
    const answers = fx.host.transcript.filter((r) => r.method !== "check").map((r) => answerBesideSecretInputs(r.method, r.response ?? r.error));
    expect(answers.length).toBeGreaterThan(0);
    for (const secretText of [first, second]) {
      expect(lines.filter((l) => l.includes(secretText))).toEqual([]);
      expect(answers.filter((a) => a.includes(secretText))).toEqual([]);
    }
  });

  test("only the secret is secret: the class lifts it into the secret clientSecret input, credential stays plain; __provider carries no secret", () => {
    expect(fx.resources.oneroster.inputs.clientSecret).toBeInstanceOf(Secret);
    expect(fx.resources.oneroster.inputs.credential).not.toBeInstanceOf(Secret);
    expect(plainTextPaths(fx.resources.oneroster.inputs, first)).toEqual([]);
    for (const r of Object.values(fx.resources)) {
      expect(r.provider).not.toContain(first);
      expect(r.provider).not.toContain(second);
    }
  });
});
