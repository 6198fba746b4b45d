/**
 * A property-based test of `check`'s rules (validateInputs) for every resource kind, over thousands of inputs
 * derived from each kind's schema with hostile strings and wrong types mixed in (fixed seed: FUZZ_SEED):
 * it never throws, every failure names a property path of the input, and whatever it accepts has ids the path
 * builders take and validates again unchanged. The HTTP half (what accepted inputs send) is
 * test/provider/checkFuzz.test.ts.
 */
import fc from "fast-check";
import { descriptors, fillPathTemplate, idSegmentProblem, resourceKinds, validateInputs, valuesAt, type ResourceKind } from "../../provider/schema";
import { argumentsOf, fuzzSeed } from "./helpers/argumentArbitraries";

const numRuns = 2000;

/** A printable failure path (`a.b[1].c`) that starts at a key the input declared, or at a property of the kind it lacks. */
function namesAPropertyOf(raw: Record<string, unknown>, kind: ResourceKind, property: string): boolean {
  if (!/^[^.[\]]+(\.[^.[\]]+|\[\d+\])*$/.test(property)) return false;
  const { properties, providerFields } = descriptors[kind];
  const starts = (key: string) => property === key || property.startsWith(`${key}.`) || property.startsWith(`${key}[`);
  return [...Object.keys(raw), ...properties, ...providerFields].some(starts);
}

describe.each(resourceKinds.map((kind) => ({ kind })))("check on $kind (fast-check)", ({ kind }: { kind: ResourceKind }) => {
  test(`${numRuns} generated inputs: never throws, every failure names a property path, accepted ids are safe segments`, () => {
    const descriptor = descriptors[kind];
    let accepted = 0;
    fc.assert(
      fc.property(argumentsOf(kind), (raw) => {
        const { inputs, failures } = validateInputs(kind, raw);
        for (const failure of failures) {
          expect(typeof failure.reason === "string" && failure.reason.length > 0).toBe(true);
          if (!namesAPropertyOf(raw, kind, failure.property)) throw new Error(`failure without a property path: ${JSON.stringify(failure)}`);
        }
        if (failures.length > 0) return;
        accepted++;
        for (const pattern of descriptor.idArguments) {
          for (const { path, value } of valuesAt(inputs, pattern)) {
            if (value !== null && idSegmentProblem(value) !== undefined) throw new Error(`accepted an unsafe id at ${path}: ${JSON.stringify(String(value).slice(0, 60))}`);
          }
        }
        const ids = Object.fromEntries(["flowSetId", "flowId"].map((k) => [k, typeof inputs[k] === "string" ? String(inputs[k]) : "new"]));
        fillPathTemplate(descriptor.pathTemplate, ids);
        expect(validateInputs(kind, inputs).failures).toEqual([]);
      }),
      { seed: fuzzSeed, numRuns },
    );
    // The generator must reach the accepting side too, or "accepted ⇒ safe" would hold vacuously.
    expect(accepted).toBeGreaterThan(numRuns / 20);
  });
});
