/**
 * The leak scan sees everything it must: a secret planted where the suite's harnesses keep output — a provider
 * plugin's gRPC reply and error message (test/harness/providerHost.ts), the `industrydata` CLI's output
 * (test/export/industrydataBin.ts), a file backend's backup and history files (stateBackend.ts) — is found,
 * labelled with where it was; a secret kept inside its secret mark is not. The collectors here stand in for
 * the suite-wide scan (scanKeptOutput) so the planted leaks do not fail the run; each is matched with the
 * suite's own matcher.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { industrydata } from "../export/industrydataBin";
import { repoRoot, secret, startProviderHost } from ".";
import { leakMatcher } from "../support/leakMatcher";
import type { KeptOutput } from "../support/scanKeptOutput";
import { scanStateBackend } from "../support/stateBackend";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

const PLANTED = TEST_PASSWORDS.leakScanPlanted;
const MARKED = TEST_PASSWORDS.leakScanMarked;
const matcher = leakMatcher({ secrets: [{ label: "planted", value: PLANTED }, { label: "marked", value: MARKED }] });

/** A scan that keeps what it is handed, and answers with the suite matcher's findings. */
function collector(): { kept: KeptOutput[]; scan: (output: KeptOutput) => string[] } {
  const kept: KeptOutput[] = [];
  const scan = (output: KeptOutput) => {
    kept.push(output);
    return matcher.find(typeof output.text === "string" ? output.text : output.text.join("\n"));
  };
  return { kept, scan };
}

const found = (kept: KeptOutput[], source: string) =>
  kept.filter((k) => k.source === source).flatMap((k) => matcher.find(typeof k.text === "string" ? k.text : k.text.join("\n")));

test("a secret in a provider plugin's gRPC reply and in its failure message is found; one inside its secret mark is not", async () => {
  const { kept, scan } = collector();
  const host = await startProviderHost({
    cwd: repoRoot(),
    pluginPath: path.join(repoRoot(), "bin", "pulumi-resource-industrydata"),
    config: { graphEndpoint: "http://127.0.0.1:9/beta", accessToken: secret(TEST_TOKENS.providerStatic) },
    scanOutput: scan,
  });
  try {
    const type = "industrydata:index:UserProvisioningFlow";
    // Planted: a password given as a plain value comes back plain in Check's answer, and as a mistyped property
    // name in a failure's reason.
    const planted = await host.check(`urn:pulumi:test::leaks::${type}::planted`, {}, { flowSetId: "set-1", createUnmatchedUsers: true, [PLANTED]: true, managementOptions: { additionalOptions: { studentAgeGroup: PLANTED } } });
    expect(planted.failures.length).toBeGreaterThan(0);
    // Control: a password where it belongs, marked secret, stays inside its mark in the answer.
    const marked = await host.check(`urn:pulumi:test::leaks::${type}::marked`, {}, {
      flowSetId: "set-1",
      managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
      creationOptions: { configurations: [{ roleGroupId: "students", defaultPasswordSettings: { password: secret(MARKED) } }] },
    });
    expect(marked.failures).toEqual([]);
  } finally {
    await host.stop();
  }
  expect(found(kept, "provider host gRPC replies and errors")).toEqual([`planted (${PLANTED.length} chars)`]);
});

test("a secret the industrydata CLI prints is found in its output", async () => {
  const { kept, scan } = collector();
  // Commander echoes an unknown option in its error.
  const run = await industrydata(["export", `--${PLANTED}`], {}, scan);
  expect(run.code).not.toBe(0);
  expect(found(kept, "output of industrydata export")).toEqual([`planted (${PLANTED.length} chars)`]);
});

test("a secret in a state backend's backup or history file is found, gzip-compressed too, each file named; encrypted state is not a finding", () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-leak-backend-"));
  try {
    const stacks = path.join(stateDir, ".pulumi", "stacks", "leaks");
    const backups = path.join(stateDir, ".pulumi", "backups", "leaks", "dev");
    const history = path.join(stateDir, ".pulumi", "history", "leaks", "dev");
    for (const dir of [stacks, backups, history]) fs.mkdirSync(dir, { recursive: true });
    const clean = JSON.stringify({ deployment: { resources: [{ outputs: { password: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc:def" } } }] } });
    fs.writeFileSync(path.join(stacks, "dev.json"), clean);
    fs.writeFileSync(path.join(backups, "dev.1765000000000000000.json"), JSON.stringify({ deployment: { resources: [{ outputs: { password: PLANTED } }] } }));
    fs.writeFileSync(path.join(history, "dev-1765000000000000000.checkpoint.json.gz"), gzipSync(JSON.stringify({ note: `form password=${new URLSearchParams({ p: PLANTED }).toString().slice(2)}` })));
    const { kept, scan } = collector();
    const findings = scanStateBackend(stateDir, { scan });
    expect(kept.map((k) => k.source).sort()).toEqual([
      "state backend file .pulumi/backups/leaks/dev/dev.1765000000000000000.json",
      "state backend file .pulumi/history/leaks/dev/dev-1765000000000000000.checkpoint.json.gz",
      "state backend file .pulumi/stacks/leaks/dev.json",
    ]);
    expect(findings).toEqual(
      expect.arrayContaining([
        { file: path.join(".pulumi", "backups", "leaks", "dev", "dev.1765000000000000000.json"), findings: [`planted (${PLANTED.length} chars)`] },
        { file: path.join(".pulumi", "history", "leaks", "dev", "dev-1765000000000000000.checkpoint.json.gz"), findings: [`planted (${PLANTED.length} chars)`] },
      ]),
    );
    expect(findings).toHaveLength(2);
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});
