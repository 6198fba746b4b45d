/**
 * Every secret the test suite declares: the passwords, client secrets, tokens and keys tests hand to the code
 * under test. The suite-wide leak reporter (leakReporter.js) fails the run when any of them, in any form
 * (leakMatcher.ts), shows up in console output, a failure message or a harness's kept output; the per-test
 * scan (leakScan.ts) checks them too. Tests take their values from here rather than repeating literals, so
 * a new test secret is scanned for as soon as it exists (testSecrets.test.ts finds unregistered literals).
 *
 * Rules: a value is at least 8 characters (shorter strings match ordinary text; a test needing a short or
 * malformed credential uses one that is not a secret of anything); a value generated per run is declared by
 * its shape in GENERATED_SECRETS and made with `generatedSecret`. What is deliberately public is listed in
 * PUBLIC_VALUES with the reason, and is never registered.
 *
 * This file is also loaded by the reporter through the TypeScript compiler, outside jest: no imports but
 * Node's own modules.
 */
import { randomBytes } from "node:crypto";

/**
 * A table of secrets: names checked, values typed as plain strings rather than literals, so a test can pass
 * one where another may stand (a rotated password, a masked one) without its type pinning the first value.
 */
function secretTable<T extends Record<string, string>>(values: T): { readonly [K in keyof T]: string } {
  return values;
}

/** Default passwords of user flows (defaultPasswordSettings.password) and seeded ones. */
export const TEST_PASSWORDS = secretTable({
  /** test/unit/passwords: the staff password a resource declares. */
  unitPlain: "Plain-Text-Secret-42",
  /** test/unit/passwords: the students password. */
  unitOther: "Other-Secret-7",
  /** test/unit/passwords: the rotated staff password. */
  unitRotated: "Rotated-Secret-43",
  /** test/unit/patchBody: the password a resent creationOptions declares. */
  unitPatchBody: "N3w-Patch-Body-Pa55!",
  /** test/graph/graphClient.emulator: a password Graph must not echo into an error. */
  graphClientEcho: "Sch00l-Start!2026",
  /** test/graph/graphError: a password inside a Graph message, redacted by GraphError. */
  graphErrorEcho: "Sunshine!2026",
  /** test/graph/leakScan: the password the leak scan's own tests leak on purpose (inside the scan's capture). */
  leakScanProbe: "Pa55-word-for-leak-test",
  /** test/harness/leakScanCoverage: the password planted in a gRPC reply, CLI output and a state backup. */
  leakScanPlanted: "Planted-Leak-Pa55!",
  /** test/harness/leakScanCoverage: the password kept inside its secret mark (must not be found). */
  leakScanMarked: "Marked-Secret-Pa55!",
  /** test/graph/redactSecrets: a JSON password with an escaped quote. */
  redactJson: 'p@ss"word',
  /** test/graph/redactSecrets: an extra value passed to redactSecrets. */
  redactExtra: "Pa55word!",
  /** test/graph/redactSecrets: sensitiveValuesOf's staff password. */
  sensitiveStaff: "Staff-Pass-1",
  /** test/graph/redactSecrets: sensitiveValuesOf's students password. */
  sensitiveStudent: "Student-Pass-2",
  /** test/emulator/helpers: seed 003's staff password. */
  emulatorStaff: "Staff-Pa55word!",
  /** test/emulator/helpers: seed 003's students password. */
  emulatorStudent: "Student-Pa55word!",
  /** test/emulator/admin: a clear password given to PUT /state. */
  emulatorSeeded: "Seeded-Pa55",
  /** test/emulator/reads: a password longer than Graph's 15-character mask. */
  emulatorLong: "a-much-longer-password-than-fifteen",
  /** test/provider/userFlowProvider: staff password. */
  providerStaff: "Staff-Initial-Pa55!",
  /** test/provider/userFlowProvider: students password. */
  providerStudent: "Student-Initial-Pa55!",
  /** test/provider/userFlowProvider: rotated students password. */
  providerStudentRotated: "Student-Rotated-Pa55!",
  /** test/provider/failures: a password Graph echoes in its errors. */
  providerFailure: "Never-In-Errors-Pa55!",
  /** test/provider/failures: the rotated one. */
  providerFailureRotated: "Rotated-Never-In-Errors-Pa55!",
  /** test/provider/resourceClasses: a password declared as a plain string. */
  providerPlain: "Plain-Pa55word",
  /** test/provider/secretInputs: a password the class lifts into its secret input. */
  providerSecretPasswords: "Student-Pa55word",
  /**
   * The dev stack's studentPassword (Pulumi.dev.yaml, encrypted under the documented passphrase; the test
   * proves the two agree) and test/provider/rootProgram's config value. Its passphrase is public, but it is a
   * password: it must never be printed.
   */
  devStackStudent: "Demo-Student-Pa55!",
  /** test/provider/checkFuzz and test/unit/checkFuzz: the one password the generated user flows declare. */
  fuzzCheck: "Fuzz-Check-Pa55!",
  /**
   * test/e2e/planProject (planTable): the students password of every user flow, encrypted in the
   * committed Pulumi.plan.yaml and in the upgrade fixture's state under the dev stack's public passphrase.
   */
  planStudent: "Plan-Student-Pa55!",
  /** test/e2e/planProject: the rotated students password (the password row of the plan table). */
  planStudentRotated: "Plan-Rotated-Pa55!",
  /**
   * test/e2e/upgradeFromRelease: the students password of both front ends' user flows in the state the previous
   * release wrote, encrypted in the fixture's state and stack config under TEST_KEYS.upgradePassphrase.
   */
  upgradeStudent: "Upgrade-Student-Pa55!",
  /** test/harness/toyProvider: the toy provider's secret input. */
  toyPassword: "toy-password-7f3a91",
  /** test/export/variedTenant (not moved yet): North High staff. */
  exportNorthHighStaff: "NH-staff-Pa55!",
  /** test/export/variedTenant (not moved yet): North High students. */
  exportNorthHighStudents: "NH-students-Pa55!",
  /** test/export/variedTenant (not moved yet): South Middle students. */
  exportSouthMiddleStudents: "SM-students-Pa55!",
  /** test/export/examplesPulumiCli (not moved yet): `pulumi config set --secret staffPassword`. */
  examplesStaff: "Example-Staff-1!",
  /** test/export/examplesPulumiCli (not moved yet): `pulumi config set --secret studentPassword`. */
  examplesStudent: "Example-Student-1!",
  /** test/e2e/yamlDistrict: the YAML district's studentPassword (secret config). */
  yamlStudent: "Yaml-Student-Pa55!",
  /** test/e2e/yamlDistrict: the studentPassword after its rotation. */
  yamlStudentRotated: "Yaml-Student-Rotated-Pa55!",
  /** test/plugin: a user flow's password sent to the provider plugin over gRPC. */
  pluginStudent: "Plugin-Student-Pa55!",
  /** test/plugin: the same password rotated. */
  pluginStudentRotated: "Plugin-Rotated-Pa55!",
  /** test/e2e/pluginTypescript: `pulumi config set --secret studentPassword`. */
  pluginCliStudent: "Plugin-Cli-Student-1!",
  /** test/e2e/pluginExecutable: the YAML district's studentPassword, through the single-executable plugin. */
  executableStudent: "Sea-Student-Pa55!",
  /** test/sdk/pythonSdk: a user flow's password in the Python SDK's mocks test. */
  pythonStudent: "Python-Student-Pa55!",
  /** test/sdk/pythonDistrict: the Python district's studentPassword (secret config). */
  pythonDistrictStudent: "Py-District-Pa55!",
  /** test/unit/refreshedInputs: a declared password a refresh must leave in place. */
  refreshKept: "Refresh-Kept-Pa55!",
  /** test/e2e/contractMatrix: the staff password of the matrix's user flows (both front ends). */
  contractStaff: "Contract-Staff-Pa55!",
});

/** Client secrets of app registrations (emulator clients, provider config). */
export const TEST_CLIENT_SECRETS = secretTable({
  /** test/e2e/connectorRotation: the OneRoster client secret before its rotation. */
  cliRotationFirst: "Rotation-Client-Secret-One!",
  /** test/e2e/connectorRotation: the OneRoster client secret after it. */
  cliRotationSecond: "Rotation-Client-Secret-Two!",
  /**
   * The emulator's default test client (emulator/options.ts DEFAULT_TEST_CLIENT, documented in its README;
   * the test proves the two agree). Documented, but a client secret: the provider prints no client secret.
   */
  emulatorDefault: "emulator-test-secret",
  /** test/emulator/identity: a Read.All client. */
  emulatorReader: "reader-secret",
  /** test/emulator/identity: a client registered through the admin API. */
  emulatorAdminAdded: "admin-added",
  /** test/emulator (inbound): a OneRoster connector's OAuth clientSecret (write-only in Graph). */
  emulatorOneRoster: "OneRoster-Client-Secret-2026!",
  /** test/emulator (inbound): the rotated OneRoster clientSecret. */
  emulatorOneRosterRotated: "OneRoster-Rotated-Secret-2027!",
  /** test/emulator/inboundState: a clear clientSecret given to PUT /state. */
  emulatorOneRosterSeeded: "OneRoster-Seeded-Secret-42",
  /** test/graph/providerConfig: industrydata:clientSecret from stack config. */
  providerConfig: "s3cret-value",
  /** test/graph/providerConfig: a secret config errors must not echo. */
  providerConfigNeverEchoed: "very-secret-value-123",
  /** test/graph/credentials: the client secret a config chooses ClientSecretCredential with. */
  credentialChoice: "chosen-client-secret-1",
  /** test/graph/redactSecrets: a registered secret. */
  redactRegistered: "registered-secret-1",
  /** test/graph/redactSecrets: sensitiveValuesOf's client secret. */
  sensitiveClient: "sensitive-client-secret-1",
  /** test/unit/inbound*: a OneRoster connector's credential.clientSecret. */
  connectorUnit: "OneRoster-Unit-Secret-1",
  /** test/unit/inbound*: the rotated one. */
  connectorUnitRotated: "OneRoster-Unit-Secret-2",
  /** test/provider/inbound*: a OneRoster connector's credential.clientSecret sent to the emulator. */
  connectorProvider: "OneRoster-Provider-Secret-1",
  /** test/provider/inbound*: the rotated one. */
  connectorProviderRotated: "OneRoster-Provider-Secret-2",
  /** test/export/inboundTenant: the seeded OneRoster connector's clientSecret, given back as secret stack config. */
  exportOneRoster: "OneRoster-Export-Secret-9",
  /** test/e2e/upgradeFromRelease: both front ends' OneRoster clientSecret in the previous release's state (encrypted). */
  upgradeOneRoster: "Upgrade-OneRoster-Secret-1",
});

/** Bearer tokens (static tokens the emulator accepts, industrydata:accessToken values). */
export const TEST_TOKENS = secretTable({
  /** test/emulator/helpers: the emulator's static token in the black-box tests (and test/e2e/operationalCli, on the same helpers). */
  emulatorStatic: "emulator-test-static-token",
  /** test/emulator/cli: `--token` of the emulator CLI. */
  emulatorCli: "cli-token",
  /** test/emulator/auth: a token the emulator did not issue. */
  emulatorForeign: "not-a-token",
  /** test/graph/fixtures: the Graph client's static token. */
  graphStatic: "emulator-static-token-7f3a9c",
  /** test/graph/credentials: an accessToken config. */
  graphCredentials: "static-token-1",
  /** test/graph/providerConfig: INDUSTRYDATA_ACCESS_TOKEN. */
  graphEnv: "env-token-value",
  /** test/graph/leakScan: an unregistered-looking token the scan must catch by its Bearer shape. */
  bearerShapeProbe: "abcdefgh12345678",
  /** test/graph/redactSecrets: a bearer token redactSecrets removes. */
  redactBearer: "abc.def-ghi_jkl",
  /** test/provider/emulatorFixture: the provider tests' static token. */
  providerStatic: "provider-test-token",
  /** test/provider/runtimeConfig: industrydata:accessToken. */
  providerRuntimeConfig: "t0ken-value",
  /** test/export/examplesPulumiCli (not moved yet). */
  examplesCli: "examples-cli-token",
  /** test/export/exportCli (not moved yet). */
  exportCli: "export-cli-token",
  /** test/export/exportCli (not moved yet): a token Graph rejects, which the CLI must not print. */
  exportInvalid: "not-a-valid-token",
  /** test/export/exportPulumiCli (not moved yet). */
  exportPulumiCli: "export-pulumi-cli-token",
  /** test/export/exportRoundTrip (not moved yet). */
  exportRoundTrip: "export-round-trip-token",
  /** test/e2e/tenantChange: the first tenant's emulator token. */
  tenantChangeA: "tenant-change-a-token-2d9e",
  /** test/e2e/tenantChange: the second tenant's emulator token. */
  tenantChangeB: "tenant-change-b-token-6a41",
  /** test/e2e/contractMatrix: the emulator token of the contract matrix's stacks (both front ends). */
  contractMatrix: "contract-matrix-token-7f3c",
  /** test/e2e/yamlDistrict: the YAML district's industrydata:accessToken. */
  yamlDistrict: "yaml-district-token-51c2",
  /** test/e2e/yamlMultiTenant: the Contoso emulator's token (the contoso provider's accessToken). */
  yamlContoso: "contoso-tenant-token-8d1e",
  /** test/e2e/yamlMultiTenant: the Fabrikam emulator's token. */
  yamlFabrikam: "fabrikam-tenant-token-3b7a",
  /** test/plugin: tenant A's static token (two explicit providers, two emulators). */
  pluginTenantA: "plugin-tenant-a-token",
  /** test/plugin: tenant B's static token. */
  pluginTenantB: "plugin-tenant-b-token",
  /** test/e2e/pluginTypescript: `industrydata:accessToken`. */
  pluginCli: "plugin-cli-token",
  /** test/plugin/pluginProtocol: an accessToken given to CheckConfig in plain text. */
  pluginPlainConfig: "plugin-plain-config-token",
  /** test/e2e/lookupsPulumiCli: the lookup programs' industrydata:accessToken (YAML and TypeScript). */
  lookupsCli: "lookups-cli-token-91ab",
  /** test/e2e/pluginExecutable: the YAML district's industrydata:accessToken, through the single-executable plugin. */
  executableDistrict: "sea-district-token-7f3c",
  /** test/sdk/pythonDistrict: the Python district's industrydata:accessToken. */
  pythonDistrict: "python-district-token-2e9a",
  /** test/e2e/interruptedUp*: the killed runs' industrydata:accessToken. */
  interruptedUp: "interrupted-up-token-6e0f",
  /** test/cli/orphans: the orphan listing's industrydata:accessToken. */
  orphans: "orphans-token-2c9d",
});

/** Other keys: API keys given as secret config. */
export const TEST_KEYS = secretTable({
  /** test/harness/toyProvider: the toy provider's secret config `toy:apiKey`. */
  toyApiKey: "toy-api-key-c0ffee42",
  /** test/e2e/districtFromScratch: the passphrase its stack's secrets (the passwords, the token) are encrypted with. */
  districtFromScratchPassphrase: "district-from-scratch-test",
  /** test/e2e/contractMatrix: the passphrase its stacks' secrets are encrypted with. */
  contractMatrixPassphrase: "industrydata-contract-test",
  /** test/e2e/upgradeFromRelease: the passphrase the previous release's state and stack config are encrypted with. */
  upgradePassphrase: "industrydata-upgrade-test",
});

/** Secrets made fresh per run: a fixed prefix and random hex, so the scan knows their shape. */
export const GENERATED_SECRETS = {
  /** test/engine/engineFixture: the static token of each engine fixture. */
  engineToken: { prefix: "engine-test-token-", bytes: 12 },
  /** test/engine/engineScenarios newPassword: a user flow's password. */
  enginePassword: { prefix: "Eng1ne-Pw-", bytes: 9 },
  /** test/engine/connectorSecret: a OneRoster connector's credential.clientSecret. */
  engineClientSecret: { prefix: "Eng1ne-Cs-", bytes: 9 },
  /** test/graph/authentication.emulator: the ClientSecretCredential app's secret. */
  graphClientSecret: { prefix: "client-secret-", bytes: 9 },
  /** test/graph/authentication.emulator: the Read.All app's secret. */
  graphReaderSecret: { prefix: "reader-secret-", bytes: 9 },
  /** test/graph/authentication.emulator: a wrong secret the token endpoint refuses. */
  graphWrongSecret: { prefix: "wrong-secret-", bytes: 9 },
} as const;

/**
 * Values that look like credentials but are deliberately public, with the reason; never registered.
 * (Runtime-made keys and assertions, such as the certificates and JWTs of the identity tests, are caught by
 * shape: leakMatcher's TOKEN_SHAPES.)
 */
export const PUBLIC_VALUES: Readonly<Record<string, string>> = {
  "industrydata-dev-token":
    "the dev stack's static token (Pulumi.dev.yaml, README, examples): the loopback emulator's documented demo token, never a credential of a tenant",
  "industrydata-dev": "the dev stack's passphrase, documented in Pulumi.dev.yaml and the README so anyone can run the demo",
  "********": "Graph's password mask",
  "***************": "Graph's password mask (long form)",
  "4dabf18193072939515e22adb298388d": "Pulumi's secret sentinel key (specialSigKey), a protocol constant",
  "1b47061264138c4ac30d75fd1eb44270": "Pulumi's secret sentinel value (specialSecretSig), a protocol constant",
};

/** A registered secret: its registry name (`passwords.unitPlain`) and value. */
export interface RegisteredSecret {
  name: string;
  value: string;
}

/** Every fixed secret of the registry, in a stable order (reports number them from 1). */
export function registeredSecrets(): RegisteredSecret[] {
  const groups = { passwords: TEST_PASSWORDS, clientSecrets: TEST_CLIENT_SECRETS, tokens: TEST_TOKENS, keys: TEST_KEYS };
  return Object.entries(groups).flatMap(([group, values]) =>
    Object.entries(values).map(([name, value]: [string, string]) => ({ name: `${group}.${name}`, value })),
  );
}

/** Kinds of per-run secrets (keys of GENERATED_SECRETS). */
export type GeneratedSecretKind = keyof typeof GENERATED_SECRETS;

/** A fresh secret of the given kind: its prefix and random hex. */
export function generatedSecret(kind: GeneratedSecretKind): string {
  const { prefix, bytes } = GENERATED_SECRETS[kind];
  return `${prefix}${randomBytes(bytes).toString("hex")}`;
}

/** The shapes of the per-run secrets, for scans that cannot know the values. */
export function generatedSecretShapes(): { label: string; pattern: RegExp }[] {
  return Object.entries(GENERATED_SECRETS).map(([kind, { prefix, bytes }]) => ({
    label: `a generated secret (${kind})`,
    pattern: new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[0-9a-f]{${bytes * 2}}(?![0-9a-f])`),
  }));
}
