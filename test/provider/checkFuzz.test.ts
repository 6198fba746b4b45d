/**
 * The HTTP half of the property-based test of `check` (issue 14): for every resource kind, generated arguments
 * (schema-derived, hostile strings and wrong types mixed in, fixed seed FUZZ_SEED) go through the provider's own
 * `check`; whatever it accepts is created (or adopted), read, updated and deleted against the emulator, and every
 * request the emulator logged (`GET /_emulator/requests`, the path as received) stays inside the resource's own
 * entity: its collection for a create, its own entity otherwise. Every other entity of the tenant is left as it
 * was. Ids are aimed at entities that exist, so adoption, kind checks and deletes really happen.
 */
import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import type { TenantState } from "../../emulator";
import { descriptors, entityCollectionPath, flowSetsPath, resourceKinds, type ResourceKind } from "../../provider/schema";
import { naturalIdOf } from "../../provider/reconcile";
import { anyId, argumentsOf, fuzzSeed, type IdArbitraries } from "../unit/helpers/argumentArbitraries";
import { eachFrontEnd, providerKeyOf } from "./eachFrontEnd";

const ns = "#microsoft.graph.industryData.";
/** Generated inputs per kind; only the accepted ones (about one in six) make requests. */
const numRuns = Number(process.env.FUZZ_HTTP_RUNS ?? 200);

/**
 * The dynamic front end only: the generator puts the same hostile strings in write-only values (which the engine
 * sends to the plugin as secrets) and in plain ones, so the plugin host's leak scan, which flags any string once
 * sent as a secret wherever it shows later, would report every displayName that echoes one (a run of it on the
 * plugin passed otherwise). Both front ends' check is operations' checkResource; the plugin's wire handling of
 * it is pinned by the other tests here and in test/plugin.
 */
const t = eachFrontEnd({ frontEnds: ["dynamic"] });
/** The tenant every run starts from: set A holds one flow of each kind, set B none. */
let snapshot: TenantState;
let setA: string;
let setB: string;
let flowIds: string[];
/** Ids of the inbound entities seeded, by the argument that names them (`sourceSystemId`, `dataConnectorId`, …). */
let inboundIds: Record<string, string[]>;

beforeAll(() => {
  // The deprecation warning of markAllStudentsAsMinors would print once per generated user flow that sets it.
  jest.spyOn(pulumi.log, "warn").mockImplementation(async () => undefined);
});

/** Seeds the tenant every run of a kind starts from (after the front end block's reset) and keeps its snapshot. */
async function seedTenant(): Promise<void> {
  setA = await t.fx.createFlowSet("A");
  setB = await t.fx.createFlowSet("B");
  const bodies = [
    { "@odata.type": `${ns}userProvisioningFlow`, managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } },
    {
      "@odata.type": `${ns}classGroupProvisioningFlow`,
      configuration: { additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true }, enrollmentMappings: {} },
    },
    { "@odata.type": `${ns}securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
    { "@odata.type": `${ns}administrativeUnitProvisioningFlow`, creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } },
  ];
  flowIds = [];
  for (const body of bodies) {
    const created = await t.fx.graph("POST", `${flowSetsPath}/${setA}/provisioningFlows`, body);
    if (created.status !== 201) throw new Error(`seeding: ${created.status} ${JSON.stringify(created.body)}`);
    flowIds.push(created.body.id);
  }
  inboundIds = await seedInbound();
  snapshot = await t.fx.state();
}

/** One inbound entity of each kind, bound together, so adoptions and bindings aim at what exists. */
async function seedInbound(): Promise<Record<string, string[]>> {
  const post = async (path: string, body: object): Promise<string> => {
    const created = await t.fx.graph("POST", path, body);
    if (created.status !== 201) throw new Error(`seeding ${path}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  const bind = (kind: ResourceKind, id: string) => `${t.fx.emulator.graphUrl}${entityCollectionPath(kind)}/${id}`;
  const sourceSystem = await post(entityCollectionPath("sourceSystem"), { displayName: "Seeded source" });
  const csv = await post(entityCollectionPath("azureDataLakeConnector"), {
    "@odata.type": `${ns}azureDataLakeConnector`,
    displayName: "Seeded CSV",
    "sourceSystem@odata.bind": bind("sourceSystem", sourceSystem),
  });
  const year = await post(entityCollectionPath("year"), { displayName: "Seeded year", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" } });
  const flow = await post(entityCollectionPath("inboundFileFlow"), {
    "@odata.type": `${ns}inboundFileFlow`,
    displayName: "Seeded flow",
    dataDomain: "educationRostering",
    effectiveDateTime: "2025-08-15T00:00:00Z",
    "dataConnector@odata.bind": bind("azureDataLakeConnector", csv),
    "year@odata.bind": bind("year", year),
  });
  const reference = await post(entityCollectionPath("referenceDefinition"), { referenceType: "RefGradeLevel", code: "Seeded", isDisabled: false, sortIndex: 4242 });
  return { sourceSystemId: [sourceSystem], dataConnectorId: [csv], yearId: [year], inboundFlowId: [flow], referenceDefinitionId: [reference] };
}

/** Ids aimed at what exists (the sets, the flows of set A, the built-in role groups, the seeded inbound entities), else anything. */
const aimedIds: IdArbitraries = (argument) => {
  const existing =
    argument === "flowSetId"
      ? [setA, setA, setB]
      : argument === "flowId"
        ? flowIds
        : argument.endsWith("roleGroupId")
          ? ["staff", "students"]
          : (inboundIds?.[argument] ?? []);
  // Dot segments get a weight of their own: they are what resolves to another entity (issue 14).
  const dots = fc.constantFrom(".", "..", "%2e%2e", ".%2E");
  if (existing.length === 0) return fc.oneof({ arbitrary: anyId(argument), weight: 8 }, { arbitrary: dots, weight: 1 });
  return fc.oneof({ arbitrary: fc.constantFrom(...existing), weight: 6 }, { arbitrary: dots, weight: 1 }, { arbitrary: anyId(argument), weight: 2 });
};

/** Collections of top-level inbound entities in the emulator's state, by the key their entities get here. */
const inboundCollections = ["sourceSystems", "dataConnectors", "years", "inboundFlows", "referenceDefinitions"] as const;

/** Every set (without its flows), every flow and every inbound entity, by a key naming it. */
function entitiesOf(state: TenantState): Map<string, string> {
  const entities = new Map<string, string>();
  for (const { flows, ...set } of state.flowSets) {
    entities.set(`set ${set.id}`, JSON.stringify(set));
    for (const flow of flows) entities.set(`flow ${set.id}/${flow.id}`, JSON.stringify(flow));
  }
  for (const collection of inboundCollections) {
    for (const entity of (state as unknown as Record<string, { id: string }[]>)[collection] ?? []) {
      entities.set(`${collection} ${entity.id}`, JSON.stringify(entity));
    }
  }
  return entities;
}

/** The tenant collection key (as in entitiesOf) of a top-level inbound kind. */
function collectionKeyOf(kind: ResourceKind): string {
  const path = entityCollectionPath(kind);
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The natural id the inputs name (a reference definition's `<referenceType>-<code>`), if the kind has one. */
function naturalId(kind: ResourceKind, inputs: Record<string, unknown>): string | undefined {
  try {
    return naturalIdOf(kind, inputs);
  } catch {
    return undefined;
  }
}

interface Run {
  collection: string;
  /** The Graph ids the run may address as its own entity: the adopted one, or the one it created. */
  own: Set<string>;
}

/**
 * Creates (or adopts), reads, updates and deletes; Graph's refusals (404, 409, 400) are outcomes, not failures.
 * Returns the Graph id of the entity the provider created or adopted, if any (the last part of its Pulumi id).
 */
async function lifecycle(kind: ResourceKind, inputs: Record<string, unknown>): Promise<string | undefined> {
  const provider = t.providers[providerKeyOf(kind)];
  const created = await provider.create(inputs).catch((error: { id?: unknown }) => {
    // Created, then reading it back failed: the engine would record it by this id.
    return typeof error?.id === "string" ? { id: error.id, outs: undefined } : undefined;
  });
  if (created === undefined) return undefined;
  const own = created.id.split("/").pop();
  if (created.outs === undefined) return own;
  const outs = created.outs as Record<string, unknown>;
  await provider.read(created.id, outs).catch(() => undefined);
  await provider.update(created.id, outs, inputs).catch(() => undefined);
  await provider.delete(created.id, { ...outs, deleteOnDestroy: true }).catch(() => undefined);
  return own;
}

t.describe(() => {
beforeEach(seedTenant);

describe.each(resourceKinds.map((kind) => ({ kind })))("check, then the lifecycle, on $kind (fast-check, over HTTP)", ({ kind }: { kind: ResourceKind }) => {
  test(`${numRuns} generated inputs: check never throws and names a property; accepted ones request only their own entity`, async () => {
    const descriptor = descriptors[kind];
    const provider = t.providers[providerKeyOf(kind)];
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(argumentsOf(kind, { ids: aimedIds }), async (raw) => {
        const { inputs, failures = [] } = await provider.check({}, raw);
        for (const failure of failures) {
          if (typeof failure.property !== "string" || failure.property === "") throw new Error(`failure without a property path: ${JSON.stringify(failure)}`);
        }
        if (failures.length > 0) return;
        accepted++;
        await t.fx.putState(snapshot);
        await t.fx.clearRequests();
        const ownId = await lifecycle(kind, inputs);

        const before = entitiesOf(snapshot);
        const after = entitiesOf(await t.fx.state());
        const adopted = inputs[descriptor.adoptArgument];
        const topLevel = !descriptor.isFlow && kind !== "flowSet";
        const run: Run = {
          collection: descriptor.isFlow
            ? `${flowSetsPath}/${encodeURIComponent(String(inputs.flowSetId))}/provisioningFlows`
            : topLevel
              ? entityCollectionPath(kind)
              : flowSetsPath,
          // A reference definition also addresses its natural id (the GET that looks for a soft-deleted twin).
          own: new Set([adopted, ownId, naturalId(kind, inputs)].filter((id): id is string => typeof id === "string")),
        };
        for (const request of await t.fx.requests()) {
          const inside =
            request.path === run.collection ||
            [...run.own].some((id) => request.path.toLowerCase() === `${run.collection}/${encodeURIComponent(id)}`.toLowerCase());
          if (!inside) throw new Error(`${request.method} ${request.path} is outside ${run.collection}/{${[...run.own].join("|")}}`);
        }
        // A flow's own entity is itself; a set's is itself and the flows it holds (deleting a set deletes them).
        const ownKey = (key: string) =>
          [...run.own].some((id) => {
            const lower = key.toLowerCase();
            const own = id.toLowerCase();
            if (topLevel) return lower === `${collectionKeyOf(kind)} ${own}`.toLowerCase();
            return descriptor.isFlow ? lower.startsWith("flow ") && lower.endsWith(`/${own}`) : lower === `set ${own}` || lower.startsWith(`flow ${own}/`);
          });
        for (const [key, value] of before) {
          if (!ownKey(key) && after.get(key) !== value) throw new Error(`${key} changed or vanished: ${value} => ${after.get(key)}`);
        }
      }),
      { seed: fuzzSeed, numRuns },
    );
    if (process.env.FUZZ_REPORT) process.stderr.write(`checkFuzz ${kind}: ${accepted} of ${numRuns} accepted and run over HTTP\n`);
    expect(accepted).toBeGreaterThan(numRuns / 20);
  });
});
});
