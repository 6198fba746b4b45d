/**
 * Issue 14's reproduction, over HTTP against the emulator: a `ProvisioningFlow` adopting `flowId: ".."` with
 * `deleteOnDestroy: true` used to GET `…/<set>/provisioningFlows/..`, which the URL layer resolves to the flow set
 * itself, adopt it, and on destroy DELETE the whole set with every flow in it. Now `check` fails naming the
 * property, and an id that bypasses `check` (imported, stored in state) never becomes a request.
 */
import { descriptors, flowsPath, resourceKinds, type ResourceKind } from "../../provider/schema";
import { eachFrontEnd, providerKeyOf } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });
const ns = "#microsoft.graph.industryData.";
let flowIds: string[];

/** The set and two flows in it, made before each test (not through the provider). */
async function seedFlows(): Promise<void> {
  const security = await t.fx.graph("POST", flowsPath(t.setId), {
    "@odata.type": `${ns}securityGroupProvisioningFlow`,
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  });
  const adminUnit = await t.fx.graph("POST", flowsPath(t.setId), {
    "@odata.type": `${ns}administrativeUnitProvisioningFlow`,
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
  });
  flowIds = [security.body.id, adminUnit.body.id];
  await t.fx.clearRequests();
}

/** The set and both flows are still there, untouched. */
async function expectTenantIntact() {
  const state = await t.fx.state();
  expect(state.flowSets.map((s) => s.id)).toEqual([t.setId]);
  expect(state.flowSets[0].flows.map((f) => f.id).sort()).toEqual([...flowIds].sort());
}

t.describe(() => {
beforeEach(seedFlows);

describe("issue 14: flowId '..' on a ProvisioningFlow with deleteOnDestroy", () => {
  const base = () => t.providers.provisioningFlow;

  test("check fails naming flowId", async () => {
    const { failures } = await base().check({}, { flowSetId: t.setId, flowId: "..", deleteOnDestroy: true });
    expect(failures).toEqual([{ property: "flowId", reason: 'must not be ".." (a dot segment would address another entity)' }]);
    expect(await t.fx.requests()).toEqual([]);
  });

  test("a direct create (bypassing check) fails and sends no request", async () => {
    await expect(base().create({ flowSetId: t.setId, flowId: "..", deleteOnDestroy: true })).rejects.toThrow(
      'invalid flowId "..": must not be ".." (a dot segment would address another entity); no request was sent',
    );
    expect(await t.fx.requests()).toEqual([]);
    await expectTenantIntact();
  });

  test("a direct delete of a stored id `<set>/..` fails and sends no request", async () => {
    const props = { flowSetId: t.setId, flowId: "..", deleteOnDestroy: true, adopted: true };
    await expect(base().delete(`${t.setId}/..`, props)).rejects.toThrow('invalid flowId ".."');
    await expect(base().read(`${t.setId}/..`, props)).rejects.toThrow('invalid flowId ".."');
    await expect(base().update(`${t.setId}/..`, props, { ...props, readinessStatus: "disabled" })).rejects.toThrow('invalid flowId ".."');
    expect(await t.fx.requests()).toEqual([]);
    await expectTenantIntact();
  });
});

/** Ids that are no safe URL segment: dot segments (plain and percent-encoded), separators, controls, runaway length. */
const hostileIds = [".", "..", "%2e%2e", ".%2E", "a/..", "../..", "x?y", "x#y", "x\\y", "", " ", "a\u0000", "a\nb", "x".repeat(5000)];

/**
 * The arguments of `kind` that carry `id` where it becomes a URL segment or a bind target, one case each, with the
 * argument named: a flow set's flowSetId; a flow's flowSetId and flowId; a top-level inbound entity's adopt
 * argument, each of its entity bindings (written as a bind URL on create), and the parts of a natural id (the
 * GET that looks for a soft-deleted twin).
 */
function idCases(kind: ResourceKind, id: string): { args: Record<string, unknown>; named: string }[] {
  const d = descriptors[kind];
  if (kind === "flowSet") return [{ args: { flowSetId: id }, named: "flowSetId" }];
  if (d.isFlow) return [{ args: { flowSetId: id }, named: "flowSetId" }, { args: { flowSetId: t.setId, flowId: id }, named: "flowId" }];
  return [
    { args: { [d.adoptArgument]: id }, named: d.adoptArgument },
    ...d.entityBindings.map((b) => ({ args: { [b.argument]: id }, named: b.argument })),
    ...(d.naturalId ?? []).map((part) => ({ args: { ...Object.fromEntries(d.naturalId!.map((p) => [p, "x"])), [part]: id }, named: part })),
  ];
}

/**
 * A change of one updatable property per kind, against stored outputs that do not have it: the update must
 * build a request for it, which needs the id as a path segment.
 */
const realChange: Record<ResourceKind, Record<string, unknown>> = {
  flowSet: { displayName: "Renamed district" },
  user: { createUnmatchedUsers: true },
  classGroup: {
    configuration: {
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
    },
  },
  securityGroup: { creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true } },
  administrativeUnit: { creationOptions: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: true } },
  provisioningFlow: { readinessStatus: "disabled" },
  sourceSystem: { displayName: "Renamed source" },
  azureDataLakeConnector: { displayName: "Renamed connector" },
  oneRosterApiDataConnector: { displayName: "Renamed connector" },
  year: { displayName: "Renamed year" },
  inboundFileFlow: { displayName: "Renamed flow" },
  inboundApiFlow: { displayName: "Renamed flow" },
  referenceDefinition: { displayName: "Renamed definition" },
};

describe.each(resourceKinds.map((kind) => ({ kind })))("$kind: an id that is no safe URL segment", ({ kind }: { kind: ResourceKind }) => {
  const provider = () => t.providers[providerKeyOf(kind)];
  const descriptor = descriptors[kind];

  test.each(hostileIds.map((id) => ({ id, shown: JSON.stringify(id.length > 20 ? `${id.slice(0, 8)}…(${id.length})` : id) })))(
    "$shown: check names the property; create, read, update and delete send no request",
    async ({ id }) => {
      for (const { args, named } of idCases(kind, id)) {
        const { failures } = await provider().check({}, { ...args, deleteOnDestroy: true });
        expect((failures ?? []).map((f) => f.property)).toContain(named);
        // Bypassing check, as an imported or stored id would (the base kind, given no flowId, refuses to create).
        await expect(provider().create({ ...args, deleteOnDestroy: true })).rejects.toThrow(/no request was sent|can only adopt/);
      }
      const idArgument = descriptor.isFlow ? "flowId" : descriptor.adoptArgument;
      const storedId = descriptor.isFlow ? `${t.setId}/${id}` : id;
      const props = { flowSetId: kind === "flowSet" ? id : t.setId, [idArgument]: id, deleteOnDestroy: true, adopted: true };
      await expect(provider().delete(storedId, props)).rejects.toThrow(/no request was sent|invalid flow id/);
      await expect(provider().read(storedId, props)).rejects.toThrow(/no request was sent|invalid flow id/);
      // An update with a real change needs the id as a path segment: it fails before any request.
      await expect(provider().update(storedId, props, { ...props, ...realChange[kind] })).rejects.toThrow(/no request was sent|invalid flow id/);
      expect(await t.fx.requests()).toEqual([]);
      await expectTenantIntact();
    },
  );
});
});
