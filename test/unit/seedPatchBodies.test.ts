/**
 * Every request body of the seeds comes out of the provider as the same PATCH (fields in any order), given
 * a last-read server value that differs; once Graph has applied it, the next diff finds nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCreateBody, buildPatchBody, diffResource, toOutputs } from "../../provider/reconcile";
import { validateInputs } from "../../provider/schema";
import { graphReadBack } from "./helpers/graphReadBack";
import { seedCases } from "./seedCases";

const graphEndpoint = "https://graph.microsoft.com/beta";

function fixture(name: string, placeholders: Record<string, unknown> = {}): Record<string, unknown> {
  const body = JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8")) as Record<string, unknown>;
  return { ...body, ...placeholders };
}

/** The outputs of a refresh of an adopted flow: the last-read value plus bookkeeping, no password hashes yet. */
function refreshedOutputs(kind: (typeof seedCases)[number]["kind"], lastRead: Record<string, unknown>, flowSetId: unknown) {
  return toOutputs(kind, lastRead, undefined, { olds: { flowSetId, adopted: true, deleteOnDestroy: false } });
}

describe.each(seedCases)("$name", ({ kind, fixture: file, placeholders, declared: raw, lastRead }) => {
  const { inputs: declared, failures } = validateInputs(kind, raw);
  const olds = refreshedOutputs(kind, lastRead, raw.flowSetId);

  it("declares the seed's arguments without validation failures", () => {
    expect(failures).toEqual([]);
  });

  it("diffs as an in-place change", () => {
    const diff = diffResource(kind, declared, olds);
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toEqual([]);
  });

  it("builds exactly the seed's PATCH body from the stored outputs", () => {
    expect(buildPatchBody(kind, declared, olds, { graphEndpoint, olds })).toEqual(fixture(file, placeholders));
  });

  it("builds the same PATCH body from a fresh GET", () => {
    expect(buildPatchBody(kind, declared, lastRead, { graphEndpoint, olds })).toEqual(fixture(file, placeholders));
  });

  it("settles: after Graph applies the PATCH, a second diff finds no change and no PATCH", () => {
    const body = buildPatchBody(kind, declared, olds, { graphEndpoint, olds }) as Record<string, unknown>;
    const after = toOutputs(kind, graphReadBack(lastRead, body), declared, { olds });
    expect(diffResource(kind, declared, after)).toEqual({
      changes: false,
      replaces: [],
      changedProperties: [],
      deleteBeforeReplace: false,
      detailedChanges: [],
    });
    expect(buildPatchBody(kind, declared, after, { graphEndpoint, olds: after })).toBeUndefined();
  });
});

describe("seed create bodies", () => {
  const creatable = seedCases.filter((c) => c.kind !== "provisioningFlow");

  it.each(creatable)("POST for $name carries the same properties as the seed's PATCH", ({ kind, fixture: file, declared: raw }) => {
    const { flowId: _adopt, ...createArgs } = raw;
    const { inputs, failures } = validateInputs(kind, createArgs);
    expect(failures).toEqual([]);
    expect(buildCreateBody(kind, inputs, { graphEndpoint })).toEqual(fixture(file));
  });

  it("refuses to create the abstract base provisioningFlow", () => {
    expect(() => buildCreateBody("provisioningFlow", { flowSetId: "s", readinessStatus: "ready" }, { graphEndpoint })).toThrow(
      /abstract.*flowId/,
    );
  });
});

describe("seed 001 (draft Update securityGroupProvisioningFlow)", () => {
  // The draft lists readinessStatus as patchable beside creationOptions; the metadata marks it Computed. It is
  // accepted only on ProvisioningFlow, whose body is seed 002's; on the typed flow it is a clear failure.
  const seed001 = fixture("seed001-securityGroup-patch.json");

  it("expresses its readinessStatus on the base kind, as the same body shape as seed 002", () => {
    const { inputs } = validateInputs("provisioningFlow", { flowSetId: "s", flowId: "f", readinessStatus: "ready" });
    const body = buildPatchBody("provisioningFlow", inputs, { id: "f", readinessStatus: "notReady" }, { graphEndpoint });
    expect(Object.keys(body ?? {}).sort()).toEqual(["@odata.type", "readinessStatus"]);
    expect(Object.keys(seed001)).toContain("readinessStatus");
  });

  it("rejects readinessStatus on SecurityGroupProvisioningFlow, pointing to ProvisioningFlow", () => {
    const { failures } = validateInputs("securityGroup", {
      flowSetId: "s",
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      readinessStatus: seed001.readinessStatus,
    });
    expect(failures).toEqual([{ property: "readinessStatus", reason: expect.stringContaining("only on ProvisioningFlow") }]);
  });
});
