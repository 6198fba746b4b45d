/**
 * The harness's model of the engine's secret handling, pinned to what the engine does
 * (sdk/go/common/resource/plugin/provider_plugin.go: MarshalProperties, annotateSecrets).
 */
import { annotateSecrets, fromWire, revealSecrets, Secret, secret, specialSecretSig, specialSigKey, toWire } from "./index";

const sentinel = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });

describe("engine property marshalling", () => {
  test.each([
    { name: "a top-level secret, kept", value: { token: secret("t") }, keepSecrets: true, wire: { token: sentinel("t") } },
    { name: "a top-level secret, stripped", value: { token: secret("t") }, keepSecrets: false, wire: { token: "t" } },
    {
      name: "a nested secret inside an array, kept",
      value: { a: [{ b: secret(1) }] },
      keepSecrets: true,
      wire: { a: [{ b: sentinel(1) }] },
    },
    { name: "undefined members dropped", value: { a: undefined, b: null }, keepSecrets: false, wire: { b: null } },
  ])("toWire: $name", ({ value, keepSecrets, wire }) => {
    expect(toWire(value, { keepSecrets })).toEqual(wire);
  });

  test("fromWire turns sentinels back into secrets at any depth", () => {
    const back = fromWire({ a: [{ b: sentinel({ c: 2 }) }] }) as { a: { b: Secret }[] };
    expect(back.a[0]!.b).toBeInstanceOf(Secret);
    expect(back.a[0]!.b.value).toEqual({ c: 2 });
    expect(revealSecrets(back)).toEqual({ a: [{ b: { c: 2 } }] });
  });

  test.each([
    {
      name: "a same-named output of a secret input becomes secret",
      outs: { password: "***", other: 1 },
      ins: { password: secret("p") },
      secretPaths: ["password"],
    },
    {
      name: "objects are walked member by member",
      outs: { opts: { password: "***", sku: "A" } },
      ins: { opts: { password: secret("p"), sku: "A" } },
      secretPaths: ["opts.password"],
    },
    {
      name: "an array holding a secret is marked whole",
      outs: { list: [{ password: "***" }] },
      ins: { list: [{ password: secret("p") }] },
      secretPaths: ["list"],
    },
    {
      name: "an input secret as a whole object marks the whole output object",
      outs: { opts: { password: "***", sku: "A" } },
      ins: { opts: secret({ password: "p", sku: "A" }) },
      secretPaths: ["opts"],
    },
    { name: "outputs without a same-named input stay plain", outs: { hash: "h" }, ins: { password: secret("p") }, secretPaths: [] },
  ])("annotateSecrets: $name", ({ outs, ins, secretPaths }) => {
    const annotated = annotateSecrets(structuredClone(outs) as Record<string, unknown>, ins)!;
    expect(secretsIn(annotated)).toEqual(secretPaths);
  });
});

function secretsIn(value: unknown, at = ""): string[] {
  if (value instanceof Secret) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => secretsIn(v, `${at}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => secretsIn(v, at ? `${at}.${k}` : k));
  return [];
}
