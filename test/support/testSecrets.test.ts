/**
 * The registry of test secrets (testSecrets.ts) stays true: its values can be scanned for without false
 * alarms, agree with the places that define them outside the tests, are all in use, and no credential
 * literal in the tests escapes it.
 */
import { createDecipheriv, pbkdf2Sync } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { DEFAULT_TEST_CLIENT } from "../../emulator";
import { TOKEN_SHAPES } from "./leakMatcher";
import {
  GENERATED_SECRETS,
  generatedSecret,
  generatedSecretShapes,
  PUBLIC_VALUES,
  registeredSecrets,
  TEST_CLIENT_SECRETS,
  TEST_PASSWORDS,
  type GeneratedSecretKind,
} from "./testSecrets";

const repoRoot = join(__dirname, "..", "..");
const testRoot = join(repoRoot, "test");

/** Test sources, without this folder (the scan's own tooling and its probes). */
function testSources(): { file: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(testRoot)
    .filter((file) => /\.(ts|js)$/.test(file) && !file.startsWith(join(testRoot, "support")))
    .map((file) => ({ file: relative(repoRoot, file), text: readFileSync(file, "utf8") }));
}

/** Literals that look like credentials by where they sit: a credential-named key, `--secret k=v`, `Bearer x`, a "Pa55". */
const CREDENTIAL_LITERALS = [
  /(?:password|secret|token|apikey|api_key|assertion|passphrase)\w*["']?\s*[:=]\s*(["'`])([^"'`$\n]{8,})\1/gi,
  /--secret["'],\s*["'`][\w:.-]+=([^"'`$\n]{8,})["'`]/g,
  /Bearer ([A-Za-z0-9\-._~+/]{8,})/g,
  /["'`]([^"'`\n]*Pa55[^"'`\n]*)["'`]/g,
];

/** What sits where a credential could but is none, and why. */
const NOT_CREDENTIALS: [RegExp, string][] = [
  [/^pulumi-nodejs:dynamic\//, "a Pulumi type token"],
  [/^\[redacted\]$/i, "the redaction marker"],
  [/^\/var\/run\/token$/, "a file path (AZURE_FEDERATED_TOKEN_FILE)"],
  [/^__harnessSecret$/, "a property name of the harness's serializer"],
  [/^https:\/\/[^@\s]+$/, "an https URL without user info: a OneRoster credential's tokenUrl, the token endpoint, not a token"],
  [/^<[a-z ]+>$/, "a placeholder in angle brackets: what the export writes where a write-only value is read from config"],
  [/^custom-\d+$/, "graph/authenticationMiddleware's stand-in AuthenticationProvider answers a counter (custom-<n>) to show it is asked per request"],
];

describe("testSecrets registry", () => {
  const secrets = registeredSecrets();

  test("every value is long enough to scan for and appears once; nothing public is registered", () => {
    // Names only in failures: a failure message is scanned too.
    expect(secrets.filter((s) => s.value.length < 8).map((s) => s.name)).toEqual([]);
    expect(new Set(secrets.map((s) => s.value)).size).toBe(secrets.length);
    expect(secrets.filter((s) => s.value in PUBLIC_VALUES).map((s) => s.name)).toEqual([]);
  });

  test("the emulator's default test client secret is the registered one", () => {
    expect(DEFAULT_TEST_CLIENT.clientSecret).toBe(TEST_CLIENT_SECRETS.emulatorDefault);
  });

  test("the dev stack's token is a documented public value, and its studentPassword (decrypted) the registered demo password", () => {
    const stack = readFileSync(join(repoRoot, "Pulumi.dev.yaml"), "utf8");
    expect(PUBLIC_VALUES).toHaveProperty([/industrydata:accessToken:\s*(\S+)/.exec(stack)![1]]);
    // Pulumi's passphrase secrets: PBKDF2-SHA256 (1,000,000 rounds) of the passphrase, AES-256-GCM per value.
    const passphrase = "industrydata-dev";
    expect(PUBLIC_VALUES).toHaveProperty([passphrase]);
    const salt = /encryptionsalt:\s*v1:([^:]+):/.exec(stack)![1];
    const [, nonce, sealed] = /studentPassword:\s*\n\s*secure:\s*v1:([^:]+):(\S+)/.exec(stack)!;
    const key = pbkdf2Sync(passphrase, Buffer.from(salt, "base64"), 1_000_000, 32, "sha256");
    const bytes = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
    expect(plain === TEST_PASSWORDS.devStackStudent).toBe(true); // compared without printing it
  });

  test("generated secrets match their registered shape", () => {
    const shapes = generatedSecretShapes();
    for (const kind of Object.keys(GENERATED_SECRETS) as GeneratedSecretKind[]) {
      const value = generatedSecret(kind);
      expect(shapes.filter((s) => s.pattern.test(value)).map((s) => s.label)).toEqual([`a generated secret (${kind})`]);
      expect(generatedSecret(kind)).not.toBe(value);
    }
  });

  test("every registered secret is used by some test (by name, or as the literal of a file not moved yet)", () => {
    const sources = testSources().map((s) => s.text).join("\n");
    const groupConstant: Record<string, string> = { passwords: "TEST_PASSWORDS", clientSecrets: "TEST_CLIENT_SECRETS", tokens: "TEST_TOKENS", keys: "TEST_KEYS" };
    const unused = secrets.filter(({ name, value }) => {
      const [group, key] = name.split(".");
      // The emulator's default client secret reaches its tests as DEFAULT_TEST_CLIENT.clientSecret.
      if (name === "clientSecrets.emulatorDefault") return !sources.includes("DEFAULT_TEST_CLIENT.clientSecret");
      return !sources.includes(`${groupConstant[group]}.${key}`) && !sources.includes(value);
    });
    expect(unused.map((s) => s.name)).toEqual([]);
    const unusedKinds = Object.keys(GENERATED_SECRETS).filter((kind) => !sources.includes(`generatedSecret("${kind}")`));
    expect(unusedKinds).toEqual([]);
  });

  test("no credential literal in the tests escapes the registry", () => {
    const registered = new Set(secrets.map((s) => s.value));
    const escaped: string[] = [];
    for (const { file, text } of testSources()) {
      for (const pattern of CREDENTIAL_LITERALS) {
        for (const match of text.matchAll(pattern)) {
          const value = match[match.length - 1];
          // A literal credential shape (a made-up JWT) is caught wherever it shows; a bearer token's value alone is not.
          const covered =
            registered.has(value) ||
            value in PUBLIC_VALUES ||
            TOKEN_SHAPES.some((s) => s.pattern.test(value)) ||
            NOT_CREDENTIALS.some(([p]) => p.test(value));
          const line = text.slice(0, match.index).split("\n").length;
          if (!covered) escaped.push(`${file}:${line}: a ${value.length}-character credential literal; register it in test/support/testSecrets.ts and import it from there`);
        }
      }
    }
    expect(escaped).toEqual([]);
  });
});
