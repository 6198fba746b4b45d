import { startLeakScan } from "../support/leakScan";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

/** The leak scan must be able to fail, or the tests that rely on it prove nothing. */
describe("leakScan", () => {
  const secret = TEST_PASSWORDS.leakScanProbe;

  const leaks: [string, (scan: ReturnType<typeof startLeakScan>) => void | Promise<void>, RegExp][] = [
    ["console.error output", () => console.error("login with", secret), /secret #1 \(23 chars\) appeared in console\.error/],
    ["console.log of an object", () => console.log({ nested: { password: secret } }), /appeared in console\.log/],
    ["process.stderr writes", () => void process.stderr.write(`oops ${secret}\n`), /appeared in process\.stderr/],
    ["an error message", (scan) => scan.record(new Error(`bad ${secret}`)), /appeared in recorded value/],
    ["an error's own fields", (scan) => scan.record(Object.assign(new Error("x"), { body: { password: secret } })), /appeared in recorded value/],
    ["a URL-encoded form", (scan) => scan.record(`client_secret=${encodeURIComponent(secret)}`), /appeared in recorded value/],
    ["a base64 value", (scan) => scan.record(Buffer.from(secret).toString("base64")), /appeared in recorded value/],
    [
      "a rejected call",
      async (scan) => {
        await scan.capture(() => Promise.reject(new Error(`denied for ${secret}`)), "patch").catch(() => undefined);
      },
      /appeared in patch error/,
    ],
    ["any JWT", (scan) => scan.record("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"), /a JWT appeared/],
    ["any bearer token", (scan) => scan.record(`Authorization: Bearer ${TEST_TOKENS.bearerShapeProbe}`), /a bearer token appeared/],
  ];

  it.each(leaks)("catches a secret in %s, without printing it", async (_where, leak, finding) => {
    const scan = startLeakScan();
    scan.secret(secret);
    try {
      await leak(scan);
    } finally {
      scan.stop();
    }
    let failure: Error | undefined;
    try {
      scan.assertClean();
    } catch (error) {
      failure = error as Error;
    }
    expect(failure?.message).toMatch(finding);
    expect(failure?.message).not.toContain(secret);
  });

  it("passes clean output, including redacted tokens", () => {
    const scan = startLeakScan();
    scan.secret(secret, undefined, "");
    console.log("PATCH /x failed: 400 BadRequest: Authorization Bearer [REDACTED] (request-id 1)");
    scan.record({ displayName: "District A" });
    scan.stop();
    expect(() => scan.assertClean()).not.toThrow();
    expect(scan.captured.map((c) => c.source)).toEqual(["console.log", "recorded value"]);
  });

  it("restores console and the process streams", () => {
    const { log } = console;
    const { write } = process.stdout;
    const scan = startLeakScan();
    expect(console.log).not.toBe(log);
    scan.stop();
    scan.stop();
    expect(console.log).toBe(log);
    expect(process.stdout.write).toBe(write);
  });
});
