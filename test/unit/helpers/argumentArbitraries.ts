/**
 * fast-check arbitraries of resource arguments, derived from each kind's JSON schema and descriptor (so a kind
 * added later is fuzzed with no change here): mostly well-formed values, with hostile strings (dot segments,
 * separators, control characters, markup, `${…}`, 5,000 characters) and wrong types mixed in at every level.
 * Ids (the descriptor's `idArguments`) come from a caller-given arbitrary, so an HTTP test can aim them at
 * entities that exist.
 */
import fc from "fast-check";
import { builtInReferenceTypes, descriptors, extensibleReferenceTypes, jsonSchemas, unknownFutureValue, type ResourceKind } from "../../../provider/schema";
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
  maxLength?: number;
  minimum?: number;
  format?: string;
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

/** Near misses of the string formats: a date in another order, a date-time without offset, a URL over http. */
const malformed = ["09/01/2025", "2025-02-30", "2025-08-15T00:00:00", "http://sis.example.net/oneroster", "sis.example.net"];

/**
 * Well-formed values of a schema's string format. Dates of an ordered pair (the descriptor's `orderedPairs`) come
 * from overlapping ranges, the earlier one mostly before the later, so both orders occur but most pairs pass.
 */
function formatted(format: string, position: "earlier" | "later" | undefined): fc.Arbitrary<string> {
  const [min, max] = position === "earlier" ? ["2024-01-01", "2026-03-31"] : position === "later" ? ["2025-10-01", "2027-12-31"] : ["2024-01-01", "2027-12-31"];
  const day = fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true });
  if (format === "date") return day.map((d) => d.toISOString().slice(0, 10));
  if (format === "date-time") return day.map((d) => d.toISOString());
  if (format === "https-url") return fc.constantFrom("https://sis.example.net/ims/oneroster/v1p1", "https://login.example.net/token");
  throw new Error(`argumentArbitraries: no generator for the format ${format}`);
}

function arbitraryOf(kind: ResourceKind, schema: Schema, pattern: string, ids: IdArbitraries, hostility: number): fc.Arbitrary<unknown> {
  const descriptor = descriptors[kind];
  let base: fc.Arbitrary<unknown>;
  if (kind === "referenceDefinition" && pattern === "referenceType") {
    // Mostly a type tenants may extend (check refuses creating others), now and then a built-in, unknown or hostile
    // one (it is also an id argument: part of the definition's id).
    const extensible = fc.constantFrom(...extensibleReferenceTypes);
    base = hostility === 0 ? extensible : fc.oneof({ arbitrary: extensible, weight: 6 }, { arbitrary: fc.constantFrom(...builtInReferenceTypes, "role"), weight: 1 }, { arbitrary: ids(pattern), weight: 2 });
  } else if (descriptor.idArguments.includes(pattern)) {
    base = ids(pattern);
  } else if (schema.enum !== undefined) {
    // Graph's unknownFutureValue sentinel is a member of every evolvable enum and never declarable (check refuses it):
    // now and then, with hostility, so the accepting side stays reachable for two-member enums.
    const declarable = fc.constantFrom(...schema.enum.filter((v) => v !== null && v !== unknownFutureValue));
    base = hostility === 0 || !schema.enum.includes(unknownFutureValue) ? declarable : fc.oneof({ arbitrary: declarable, weight: 8 }, { arbitrary: fc.constant(unknownFutureValue), weight: 1 });
  } else if (schema.type === "boolean") {
    base = fc.boolean();
  } else if (schema.type === "integer") {
    base = fc.integer({ min: (schema.minimum ?? 0) - (hostility === 0 ? 0 : 1), max: 1000 });
  } else if (schema.type === "string" && schema.format !== undefined) {
    const pairs = descriptor.orderedPairs;
    const position = pairs.some((p) => p.earlier === pattern) ? "earlier" : pairs.some((p) => p.later === pattern) ? "later" : undefined;
    const ordinary = formatted(schema.format, position);
    base = hostility === 0 ? ordinary : fc.oneof({ arbitrary: ordinary, weight: 6 }, { arbitrary: fc.constantFrom(...hostileStrings, ...malformed), weight: 1 });
  } else if (schema.type === "string") {
    // Write-only secrets (passwords, a connector's client secret) are a registered test secret, so the leak scan knows them.
    const ordinary = descriptor.writeOnly.includes(pattern) ? fc.constant(TEST_PASSWORDS.fuzzCheck) : fc.string({ minLength: 1, maxLength: 12 });
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
