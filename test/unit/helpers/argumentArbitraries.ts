/**
 * fast-check arbitraries of resource arguments, derived from each kind's JSON schema and descriptor (so a kind
 * added later is fuzzed with no change here): mostly well-formed values, with hostile strings (dot segments,
 * separators, control characters, markup, `${…}`, 5,000 characters) and wrong types mixed in at every level.
 * Ids (the descriptor's `idArguments`) come from a caller-given arbitrary, so an HTTP test can aim them at
 * entities that exist.
 */
import fc from "fast-check";
import { descriptors, jsonSchemas, type ResourceKind } from "../../../provider/schema";
import { TEST_PASSWORDS } from "../../support/testSecrets";

/** The fixed seed of every property run: `FUZZ_SEED` in the environment, else a constant, so CI is repeatable. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261201);

/** Strings that have broken parsers, paths and generated code before. */
export const hostileStrings = [
  "",
  " ",
  ".",
  "..",
  "%2e%2e",
  ".%2E",
  "../..",
  "a/b",
  "x?y=1",
  "x#frag",
  "x\\y",
  "\u0000",
  "a\nb",
  "\t",
  "\u202e",
  "x".repeat(5000),
  "<script>alert(1)</script>",
  "${process.exit(1)}",
  "`backtick`",
  "'single'\"double\"",
  "*/ /*",
  "\"; DROP TABLE flows; --",
];

/** Values of the wrong type for wherever they land. */
const wrongTypes: unknown[] = [null, 0, -1, 1.5, true, false, [], {}, [null], { "@odata.type": "#x" }, "x"];

type Schema = {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};

/** What the generated ids are, by argument (descriptor path, e.g. `creationOptions.configurations[].roleGroupId`). */
export type IdArbitraries = (argument: string) => fc.Arbitrary<string>;

/** Ids when nothing exists to aim at: GUIDs, role-group-like names and hostile strings. */
export const anyId: IdArbitraries = () =>
  fc.oneof(
    { arbitrary: fc.uuid(), weight: 4 },
    { arbitrary: fc.constantFrom("staff", "students", "grade-9.staff", "a'b(c)!~*"), weight: 2 },
    { arbitrary: fc.constantFrom(...hostileStrings), weight: 3 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  );

function withWrongTypes(arbitrary: fc.Arbitrary<unknown>, hostility: number): fc.Arbitrary<unknown> {
  if (hostility === 0) return arbitrary;
  return fc.oneof({ arbitrary, weight: 40 }, { arbitrary: fc.constantFrom(...wrongTypes), weight: hostility });
}

function arbitraryOf(kind: ResourceKind, schema: Schema, pattern: string, ids: IdArbitraries, hostility: number): fc.Arbitrary<unknown> {
  const descriptor = descriptors[kind];
  let base: fc.Arbitrary<unknown>;
  if (descriptor.idArguments.includes(pattern)) {
    base = ids(pattern);
  } else if (schema.enum !== undefined) {
    base = fc.constantFrom(...schema.enum.filter((v) => v !== null));
  } else if (schema.type === "boolean") {
    base = fc.boolean();
  } else if (schema.type === "string") {
    const ordinary = pattern.endsWith(".password") ? fc.constant(TEST_PASSWORDS.fuzzCheck) : fc.string({ minLength: 1, maxLength: 12 });
    base = hostility === 0 ? ordinary : fc.oneof({ arbitrary: ordinary, weight: 6 }, { arbitrary: fc.constantFrom(...hostileStrings), weight: 1 });
  } else if (schema.type === "array" && schema.items) {
    base = fc.array(arbitraryOf(kind, schema.items, `${pattern}[]`, ids, hostility), { maxLength: 3 });
  } else if (schema.type === "object" && schema.properties) {
    const entries = Object.entries(schema.properties).map(([key, sub]) => [key, arbitraryOf(kind, sub, pattern === "" ? key : `${pattern}.${key}`, ids, hostility)] as const);
    base = fc.record(Object.fromEntries(entries), { requiredKeys: (schema.required ?? []) as never[] });
  } else {
    throw new Error(`argumentArbitraries: no generator for the schema at ${pattern || "(root)"} of ${kind}`);
  }
  if (schema.nullable) base = fc.oneof({ arbitrary: base, weight: 8 }, { arbitrary: fc.constant(null), weight: 1 });
  return pattern === "" ? base : withWrongTypes(base, hostility);
}

/**
 * Arguments of `kind`: the schema's shape (an adopted id now and then, since those are optional), ids from
 * `ids`, and with `hostility` > 0 hostile strings and wrong types at every level (weight per 40 ordinary).
 */
export function argumentsOf(kind: ResourceKind, options: { ids?: IdArbitraries; hostility?: number } = {}): fc.Arbitrary<Record<string, unknown>> {
  const hostility = options.hostility ?? 1;
  const args = arbitraryOf(kind, jsonSchemas[kind] as Schema, "", options.ids ?? anyId, hostility) as fc.Arbitrary<Record<string, unknown>>;
  if (hostility === 0) return args;
  // Now and then a key that must not be declared: unknown, read-only, or an annotation the provider writes.
  const extraKey = fc.constantFrom("unknownProperty", "id", "readinessStatus", "@odata.type", "roleGroup@odata.bind", "__proto__x");
  return fc
    .tuple(args, fc.option(fc.tuple(extraKey, fc.constantFrom<unknown>("x", null, 1, {})), { freq: 8 }))
    .map(([declared, extra]) => (extra === null ? declared : { ...declared, [extra[0]]: extra[1] }));
}
