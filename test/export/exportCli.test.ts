/**
 * The `industrydata` bin as users run it: the built `dist/provider/cli/export.js` in its own Node process
 * against an emulator, with its exit code, stdout and stderr.
 */
import { execFile } from "child_process";
import { industrydata, industrydataBin as bin, scanBinOutput, type BinRun as Run } from "./industrydataBin";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PassThrough } from "stream";
import { startEmulator } from "../../emulator";
import { progressDisplay } from "../../provider/cli/progressDisplay";
import { repoRoot } from "../harness";
import { seededPasswords, seedVariedTenant, variedTenant, variedTenantFlowCount } from "./variedTenant";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.exportCli;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let scratch: string;


async function graphRequestCount(): Promise<number> {
  const all = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as { path: string }[] | { value: { path: string }[] };
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/")).length;
}

/** A token the emulator signs, carrying only these application permissions. */
async function tokenWithRoles(roles: string[]): Promise<string> {
  const res = await fetch(`${emulator.adminUrl}/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ roles }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

function allFilesText(folder: string): string {
  return fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), "utf8")).join("\n");
}

beforeAll(async () => {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first (npm test does)`);
  emulator = await startEmulator({ staticToken: TOKEN });
  await seedVariedTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-export-cli-"));
});

afterAll(async () => {
  await emulator?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("industrydata export (the bin)", () => {
  test("--help lists the options and the permission needed", async () => {
    const run = await industrydata(["export", "--help"]);
    expect(run.code).toBe(0);
    for (const option of ["--out", "--endpoint", "--tenant", "--client-id", "--certificate", "--token-env", "--passwords", "--quiet"]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain("IndustryData-OutboundFlow.Read.All");
  });

  test("exports the tenant: summary and the config commands on stdout, no progress bar when stderr is not a terminal", async () => {
    const out = path.join(scratch, "adopted");
    const run = await industrydata(["export", "--endpoint", emulator.graphUrl, "--out", out], { INDUSTRYDATA_ACCESS_TOKEN: TOKEN });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Exported ${variedTenant().length} flow set(s) and ${variedTenantFlowCount} flow(s) from ${emulator.graphUrl}`);
    expect(run.stdout).toContain(`pulumi config set industrydata:graphEndpoint ${emulator.graphUrl}`);
    expect(run.stdout.match(/pulumi config set --secret \w+Password/g)).toHaveLength(3);
    // The summary says what the first `pulumi up` will do: adopt everything, PATCH only to send declared passwords.
    expect(run.stdout).toContain("Every flow set and flow is adopted by id (flowSetId, flowId)");
    expect(run.stdout).toMatch(/sends one PATCH to each of the 2 resource\(s\) with a declared secret \([a-z0-9-]+-users, [a-z0-9-]+-users\), and nothing else/);
    const program = fs.readFileSync(path.join(out, "index.ts"), "utf8");
    expect(program.match(/= new OutboundProvisioningFlowSet\(/g)).toHaveLength(variedTenant().length);
    expect(fs.readdirSync(out).sort()).toEqual([".gitignore", "Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
    const written = allFilesText(out);
    expect(written).not.toContain("***");
    for (const passwords of Object.values(seededPasswords)) for (const p of Object.values(passwords)) expect(written).not.toContain(p);
    expect(written).not.toContain(TOKEN);
  });

  test("--token-env names the variable holding the token; --project and --passwords omit are honoured", async () => {
    const out = path.join(scratch, "named-token");
    const run = await industrydata(
      ["export", "--endpoint", emulator.graphUrl, "--out", out, "--token-env", "MY_GRAPH_TOKEN", "--project", "district-sds", "--passwords", "omit", "-q"],
      { MY_GRAPH_TOKEN: TOKEN },
    );
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8")).toMatch(/^name: district-sds$/m);
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).not.toContain("requireSecret");
  });

  test("--passwords omit, not quiet: the summary says the first up sends no PATCH at all", async () => {
    const run = await industrydata(["export", "--endpoint", emulator.graphUrl, "--out", path.join(scratch, "omit-summary"), "--passwords", "omit"], {
      INDUSTRYDATA_ACCESS_TOKEN: TOKEN,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("sends no PATCH: the tenant is left unchanged (default passwords not exported: --passwords omit).");
    expect(run.stdout).toContain("pulumi up        # one GET each, no change in the tenant");
  });

  test("`npm run industrydata -- export` works from another folder: a relative --out is that folder's", async () => {
    const from = path.join(scratch, "npm-run-from");
    fs.mkdirSync(from);
    const run = await new Promise<Run>((resolve) => {
      execFile(
        "npm",
        ["--prefix", repoRoot(), "run", "industrydata", "--", "export", "--endpoint", emulator.graphUrl, "--out", "adopted", "-q"],
        { cwd: from, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? scratch, INDUSTRYDATA_ACCESS_TOKEN: TOKEN, npm_config_update_notifier: "false" } },
        (error, stdout, stderr) => {
          const done = { code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr };
          scanBinOutput("npm run industrydata -- export", done, { INDUSTRYDATA_ACCESS_TOKEN: TOKEN });
          resolve(done);
        },
      );
    });
    expect({ code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`to ${path.join(from, "adopted")}`);
    expect(fs.readdirSync(path.join(from, "adopted"))).toContain("index.ts");
  });

  test("403: names the permission to export (Read.All) and to manage (ReadWrite.All), and writes nothing", async () => {
    const out = path.join(scratch, "forbidden");
    const run = await industrydata(["export", "--endpoint", emulator.graphUrl, "--out", out], { INDUSTRYDATA_ACCESS_TOKEN: await tokenWithRoles([]) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/403 \w+/);
    expect(run.stderr).toContain("IndustryData-OutboundFlow.Read.All");
    expect(run.stderr).toContain("IndustryData-OutboundFlow.ReadWrite.All");
    expect(run.stderr).toMatch(/request-id [0-9a-f-]+/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("401: says the credential was rejected and which permission the token needs", async () => {
    const run = await industrydata(["export", "--endpoint", emulator.graphUrl, "--out", path.join(scratch, "unauthorized")], {
      INDUSTRYDATA_ACCESS_TOKEN: TEST_TOKENS.exportInvalid,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("401");
    expect(run.stderr).toContain("IndustryData-OutboundFlow.Read.All");
    expect(run.stderr).not.toContain(TEST_TOKENS.exportInvalid);
  });

  test("a folder that is not empty is refused before any Graph request, unless --force", async () => {
    const out = path.join(scratch, "occupied");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "keep.txt"), "mine");
    await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
    const refused = await industrydata(["export", "--endpoint", emulator.graphUrl, "--out", out], { INDUSTRYDATA_ACCESS_TOKEN: TOKEN });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not empty");
    expect(await graphRequestCount()).toBe(0);
    const forced = await industrydata(["export", "--endpoint", emulator.graphUrl, "--out", out, "--force", "-q"], { INDUSTRYDATA_ACCESS_TOKEN: TOKEN });
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(out, "keep.txt"), "utf8")).toBe("mine");
  });

  test("reads every page of a paged list (@odata.nextLink), sets and flows alike", async () => {
    const paged = await startEmulator({ staticToken: TOKEN, pageSize: 2 });
    try {
      await seedVariedTenant({ graphUrl: paged.graphUrl, token: TOKEN });
      const run = await industrydata(["export", "--endpoint", paged.graphUrl, "--out", path.join(scratch, "paged"), "-q"], { INDUSTRYDATA_ACCESS_TOKEN: TOKEN });
      expect(run.stdout).toContain(`Exported ${variedTenant().length} flow set(s) and ${variedTenantFlowCount} flow(s)`);
    } finally {
      await paged.stop();
    }
  });

  test.each([
    { name: "--token-env naming an unset variable", args: ["--token-env", "NOT_SET_ANYWHERE"], message: /--token-env NOT_SET_ANYWHERE: that environment variable is not set/ },
    { name: "--passwords with an unknown mode", args: ["--passwords", "plain"], message: /Allowed choices are config, omit/ },
    { name: "a malformed endpoint", args: ["--endpoint", "not a url"], message: /graphEndpoint/ },
    { name: "a project name Pulumi would refuse", args: ["--project", "my project: x"], message: /a Pulumi project name has only/ },
  ])("usage error, before any Graph request: $name", async ({ args, message }) => {
    await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
    const run = await industrydata(["export", "--out", path.join(scratch, "never"), ...args], { INDUSTRYDATA_ACCESS_TOKEN: TOKEN });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(await graphRequestCount()).toBe(0);
  });
});

describe("progress display", () => {
  /** A stream that claims to be a terminal, recording what is written. */
  function fakeTerminal(isTTY: boolean): { stream: NodeJS.WriteStream; text(): string } {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & Record<string, unknown>;
    let written = "";
    stream.on("data", (chunk: Buffer) => (written += chunk.toString()));
    Object.assign(stream, { isTTY, columns: 120, cursorTo: () => true, moveCursor: () => true, clearLine: () => true, clearScreenDown: () => true });
    return { stream, text: () => written };
  }

  test.each([
    { name: "a terminal shows the bar", isTTY: true, quiet: false, shows: true },
    { name: "--quiet hides it", isTTY: true, quiet: true, shows: false },
    { name: "a pipe or CI log gets nothing", isTTY: false, quiet: false, shows: false },
  ])("$name", async ({ isTTY, quiet, shows }) => {
    const terminal = fakeTerminal(isTTY);
    const progress = progressDisplay({ stream: terminal.stream, quiet });
    progress.start(2);
    progress.advance("North High");
    progress.advance("South\u001b[2J Middle");
    progress.stop();
    await new Promise((r) => setImmediate(r));
    if (shows) {
      expect(terminal.text()).toContain("Reading flow sets");
      expect(terminal.text()).not.toContain("\u001b[2J");
    } else {
      expect(terminal.text()).toBe("");
    }
  });
});
