/**
 * A OneRoster connector's client secret rotated the way a district does it (`pulumi config set --secret`), through
 * the real `pulumi` command and our Node.js language host on the dynamic resources, against the emulator: the
 * reviewer's `pulumi preview --diff` names the rotation (the credential's clientSecret revision marker and the
 * secret input, masked) and never shows either value; `up` sends the new secret in one PATCH of the credential;
 * the next preview is clean. Every run's output and the state backend go through the leak scan (pulumiRoutes.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { passwordMatches, startEmulator, type LoggedRequest } from "../../emulator";
import { makeProgramDir, repoRoot, type ProgramDir } from "../harness";
import { TOKEN_URL } from "../support/inboundArgs";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { TEST_CLIENT_SECRETS, TEST_KEYS, TEST_TOKENS } from "../support/testSecrets";
import { describeWithCli, pulumiCommand, pulumiRoutes, type PulumiRoute, type RunResult } from "./pulumiRoutes";

const TOKEN = TEST_TOKENS.examplesCli;
const PASSPHRASE = TEST_KEYS.districtFromScratchPassphrase;
const FIRST = TEST_CLIENT_SECRETS.cliRotationFirst;
const SECOND = TEST_CLIENT_SECRETS.cliRotationSecond;

/** The program: a source system and a OneRoster connector whose client secret comes from secret config. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { OneRosterApiDataConnector, SourceSystemDefinition } from "pulumi-industrydata";

const config = new pulumi.Config();
const source = new SourceSystemDefinition("sis", { displayName: "Rotation SIS" });
export const connectorId = new OneRosterApiDataConnector("oneroster", {
  sourceSystemId: source.id,
  displayName: "OneRoster API",
  apiFormat: "oneRoster",
  baseUrl: "https://oneroster.example.net/ims/oneroster/v1p1",
  apiVersion: "1.1",
  isContactsEnabled: false,
  isDemographicsEnabled: false,
  isFlagsEnabled: false,
  credential: {
    displayName: "OneRoster client",
    clientId: "530be723-6af3-4952-8658-668fb2598ad7",
    clientSecret: config.requireSecret("oneRosterClientSecret"),
    tokenUrl: "${TOKEN_URL}",
  },
}).id;
`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describeWithCli("a OneRoster client secret rotated through the real Pulumi CLI (dynamic resources)", () => {
  let emulator: Emulator;
  let program: ProgramDir;
  let cli: PulumiRoute;
  let command: (args: string[], env?: Record<string, string>) => Promise<RunResult>;

  async function requests(): Promise<LoggedRequest[]> {
    const all = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as LoggedRequest[] | { value: LoggedRequest[] };
    return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
  }

  async function run(op: "up" | "preview", diff = false): Promise<{ output: string; writes: LoggedRequest[] }> {
    await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
    const result = await cli.run({ op, diff, transpileOnly: true });
    scanKeptOutput({ source: `pulumi ${op} output`, text: result.output, secrets: [FIRST, SECOND, TOKEN] });
    expect({ code: result.code, output: result.code === 0 ? "" : result.output }).toEqual({ code: 0, output: "" });
    return { output: result.output, writes: (await requests()).filter((r) => r.method !== "GET") };
  }

  async function storedConnectors(): Promise<{ credential: { clientSecretHash: string } }[]> {
    return ((await (await fetch(`${emulator.adminUrl}/state`)).json()) as { dataConnectors: { credential: { clientSecretHash: string } }[] }).dataConnectors;
  }

  async function setSecret(value: string): Promise<void> {
    const set = await command(["config", "set", "--secret", "oneRosterClientSecret", value, "--stack", "rotation"]);
    expect({ code: set.code, output: set.code === 0 ? "" : set.output }).toEqual({ code: 0, output: "" });
  }

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    program = makeProgramDir({ prefix: "industrydata-connector-rotation-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    const folder = path.join(program.dir, "rotation");
    const stateDir = path.join(program.dir, "state");
    fs.mkdirSync(stateDir);
    fs.cpSync(path.join(repoRoot(), "examples", "district-from-scratch"), folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "Pulumi.yaml"), "name: industrydata-connector-rotation\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
    fs.writeFileSync(path.join(folder, "index.ts"), PROGRAM);
    cli = pulumiRoutes({ dir: folder, stateDir, stack: "rotation", passphrase: PASSPHRASE }).cli;
    command = pulumiCommand({ dir: folder, stateDir, passphrase: PASSPHRASE });
    expect((await cli.init())?.code).toBe(0);
    const endpoint = await command(["config", "set", "industrydata:graphEndpoint", emulator.graphUrl, "--stack", "rotation"]);
    expect(endpoint.code).toBe(0);
    const token = await command(["config", "set", "--secret", "industrydata:accessToken", TOKEN, "--stack", "rotation"]);
    expect(token.code).toBe(0);
    await setSecret(FIRST);
  });

  afterAll(async () => {
    await emulator?.stop();
    program?.remove();
  });

  test("preview --diff names the rotation without either value; up sends one PATCH of the credential; the next preview is clean", async () => {
    const created = await run("up");
    expect(created.writes.map((w) => w.method)).toEqual(["POST", "POST"]);
    const connector = (await storedConnectors())[0];
    expect(passwordMatches(connector.credential.clientSecretHash, FIRST)).toBe(true);

    await setSecret(SECOND);
    const plan = await run("preview", true);
    expect(plan.output).toMatch(/~ pulumi-nodejs:dynamic\/industrydata:OneRosterApiDataConnector: \(update\)\s*\[id=[^\]]+\]\s*\[urn=[^\]]*::oneroster\]/);
    // The credential's clientSecret holds the revision marker (the value is in the secret input beside it, which
    // Pulumi masks and so cannot show changed): the plan names the rotation, nothing of either value.
    expect(plan.output).toMatch(/~ credential\s*: \{[^}]*~ clientSecret\s*: "\[secret #1\]" => "\[secret #2\]"[^}]*\}/);
    expect(plan.output).toMatch(/\n\s+clientSecret\s*: \[secret\]\n/);
    expect(plan.output).toMatch(/1 to update/);
    expect(plan.writes).toEqual([]);
    for (const value of [FIRST, SECOND]) expect(plan.output).not.toContain(value);

    const applied = await run("up");
    expect(applied.writes.map((w) => `${w.method} ${Object.keys((w.body ?? {}) as object).join(",")}`)).toEqual(["PATCH @odata.type,credential"]);
    const rotated = (await storedConnectors())[0];
    expect(passwordMatches(rotated.credential.clientSecretHash, SECOND)).toBe(true);

    const again = await run("preview", true);
    expect(again.writes).toEqual([]);
    expect(again.output).not.toMatch(/to update/);
  });
});
