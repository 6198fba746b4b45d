/**
 * The inbound providers over HTTP against the emulator, table-driven over the seven resource kinds: create, read,
 * adopt, no-op diff with zero requests, one PATCH holding only what differs, replace on a create-only value (named
 * in `replaces`), drift found and restored, and what happens when the entity is deleted out of band.
 */
import {
  dataConnectorsPath,
  inboundFlowsPath,
  referenceDefinitionsPath,
  sourceSystemsPath,
  yearsPath,
} from "../../provider/schema";
import {
  csvConnectorArgs,
  inboundFlowArgs,
  oneRosterConnectorArgs,
  referenceDefinitionArgs,
  sourceSystemArgs,
  yearArgs,
} from "../support/inboundArgs";
import { AUTO_EXPAND_MODES, summaryWithQuery } from "./emulatorFixture";
import { eachFrontEnd, type ProviderKey } from "./eachFrontEnd";

const t = eachFrontEnd();

type Json = Record<string, any>;
const ns = "#microsoft.graph.industryData.";
/** Whether the running emulator serves the CSDL's AutoExpand navigations in plain reads (set by its beforeAll). */
let autoExpanded = false;

/** Creates an entity directly (not through the provider, as in the portal) and returns its id. */
async function direct(path: string, body: Json): Promise<string> {
  const created = await t.fx.graph("POST", path, body);
  if (created.status !== 201) throw new Error(`POST ${path}: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

const bind = (collection: string, id: string) => `${t.fx.emulator.graphUrl}${collection}/${id}`;

async function directSourceSystem(): Promise<string> {
  return direct(sourceSystemsPath, { displayName: "Other source" });
}
async function directYear(code = "2024"): Promise<string> {
  return direct(yearsPath, { displayName: `Year ${code}`, startDate: `${code}-09-01`, endDate: `${Number(code) + 1}-06-30`, year: { code } });
}
async function directCsv(): Promise<string> {
  return direct(dataConnectorsPath, {
    "@odata.type": `${ns}azureDataLakeConnector`,
    displayName: "Other CSV",
    "sourceSystem@odata.bind": bind(sourceSystemsPath, await directSourceSystem()),
  });
}
async function directOneRoster(): Promise<string> {
  const { sourceSystemId: _, ...args } = oneRosterConnectorArgs("unused");
  return direct(dataConnectorsPath, {
    "@odata.type": `${ns}oneRosterApiDataConnector`,
    ...args,
    credential: { "@odata.type": `${ns}oAuth2ClientCredential`, ...args.credential },
    "sourceSystem@odata.bind": bind(sourceSystemsPath, await directSourceSystem()),
  });
}

/** One resource kind: its provider, collection, arguments (with what they bind to created first), and its edits. */
interface KindCase {
  key: ProviderKey;
  graphType: string;
  collection: string;
  adoptArgument: string;
  args: () => Promise<Json>;
  /** A create-only change: the argument diff must name in `replaces`. */
  replace: { argument: string; edit: (args: Json) => Promise<void> };
  /**
   * The top-level properties an adoption of an entity created from the same arguments PATCHes (write-only or
   * unread values), when plain reads are as the docs show them, and with the CSDL's AutoExpand.
   */
  adoptPatches: string[];
  adoptPatchesAutoExpanded?: string[];
}

const kinds: KindCase[] = [
  {
    key: "sourceSystemDefinition", graphType: "sourceSystemDefinition", collection: sourceSystemsPath, adoptArgument: "sourceSystemId",
    args: async () => sourceSystemArgs(),
    replace: { argument: "sourceSystemId", edit: async (a) => void (a.sourceSystemId = await directSourceSystem()) },
    // Graph never returns roleGroup in the docs' examples: the settings of an adopted source system are sent once.
    // With AutoExpand it does, and the settings are compared with the tenant like any value: nothing to send.
    adoptPatches: ["userMatchingSettings"],
    adoptPatchesAutoExpanded: [],
  },
  {
    key: "azureDataLakeConnector", graphType: "azureDataLakeConnector", collection: dataConnectorsPath, adoptArgument: "dataConnectorId",
    args: async () => csvConnectorArgs(await directSourceSystem()),
    replace: { argument: "sourceSystemId", edit: async (a) => void (a.sourceSystemId = await directSourceSystem()) },
    adoptPatches: [],
  },
  {
    key: "oneRosterApiDataConnector", graphType: "oneRosterApiDataConnector", collection: dataConnectorsPath, adoptArgument: "dataConnectorId",
    args: async () => oneRosterConnectorArgs(await directSourceSystem()),
    replace: { argument: "sourceSystemId", edit: async (a) => void (a.sourceSystemId = await directSourceSystem()) },
    // Graph never returns the client secret: the credential of an adopted connector is sent once.
    adoptPatches: ["credential"],
  },
  {
    key: "yearTimePeriodDefinition", graphType: "yearTimePeriodDefinition", collection: yearsPath, adoptArgument: "yearId",
    args: async () => yearArgs(),
    replace: { argument: "year", edit: async (a) => void (a.year = { code: "2026" }) },
    adoptPatches: [],
  },
  {
    key: "inboundFileFlow", graphType: "inboundFileFlow", collection: inboundFlowsPath, adoptArgument: "inboundFlowId",
    args: async () => inboundFlowArgs(await directCsv(), await directYear()),
    replace: { argument: "yearId", edit: async (a) => void (a.yearId = await directYear("2023")) },
    adoptPatches: [],
  },
  {
    key: "inboundApiFlow", graphType: "inboundApiFlow", collection: inboundFlowsPath, adoptArgument: "inboundFlowId",
    args: async () => inboundFlowArgs(await directOneRoster(), await directYear()),
    replace: { argument: "dataConnectorId", edit: async (a) => void (a.dataConnectorId = await directOneRoster()) },
    adoptPatches: [],
  },
  {
    key: "referenceDefinition", graphType: "referenceDefinition", collection: referenceDefinitionsPath, adoptArgument: "referenceDefinitionId",
    args: async () => referenceDefinitionArgs(),
    replace: { argument: "code", edit: async (a) => void (a.code = "OtherGrade") },
    adoptPatches: [],
  },
];

async function checked(c: KindCase, args: Json, olds: Json = {}): Promise<Json> {
  const { inputs, failures } = await t.providers[c.key].check(olds, args);
  expect(failures).toEqual([]);
  return inputs;
}

async function createVia(c: KindCase, args?: Json): Promise<{ args: Json; inputs: Json; id: string; outs: Json }> {
  const declared = args ?? (await c.args());
  const inputs = await checked(c, declared);
  const { id, outs } = await t.providers[c.key].create(inputs);
  return { args: declared, inputs, id, outs };
}

/** The read path: with $expand of the bindings where the kind has some. */
function readPath(c: KindCase, id: string): string {
  return withExpand(c, `${c.collection}/${id}`);
}

/** The list a create looks in for the entity an interrupted create made: the collection, bindings expanded as a read. */
function listPath(c: KindCase): string {
  return withExpand(c, c.collection);
}

function withExpand(c: KindCase, path: string): string {
  const expand = {
    azureDataLakeConnector: "sourceSystem($select=id)",
    oneRosterApiDataConnector: "sourceSystem($select=id)",
    inboundFileFlow: "dataConnector($select=id),year($select=id)",
    inboundApiFlow: "dataConnector($select=id),year($select=id)",
  }[c.key as string];
  return expand === undefined ? path : `${path}?$expand=${expand}`;
}

/** `METHOD path?query` of the requests sent since the last clear. */
async function sent(): Promise<string[]> {
  return summaryWithQuery(await t.fx.requests());
}

/** The same arguments with fresh literals (proves the diff compares values, not identities). */
async function withSameDeps(_c: KindCase, inputs: Json): Promise<Json> {
  return JSON.parse(JSON.stringify(inputs));
}

/**
 * Every case below holds for both front ends (the dynamic providers in process and the plugin over gRPC), and for
 * both ways Graph may answer a plain read of the AutoExpand navigations.
 */
describe.each(AUTO_EXPAND_MODES)("$mode", ({ autoExpandInbound }) => {
beforeAll(() => {
  autoExpanded = autoExpandInbound;
});

t.describe(() => {
  describe.each(kinds)("$key provider over HTTP", (c) => {
    test("create: one GET that looks for the entity an interrupted create made (the reference definition's by its id), one POST; outputs hold the id and no secret", async () => {
      const declared = await c.args();
      await t.fx.clearRequests();
      const { id, outs } = await createVia(c, declared);
      const expected = [c.key === "referenceDefinition" ? `GET ${readPath(c, id)}` : `GET ${listPath(c)}`, `POST ${c.collection}`];
      expect(await sent()).toEqual(expected);
      expect(outs).toMatchObject({ [c.adoptArgument]: id, adopted: false, deleteOnDestroy: true, displayName: declared.displayName });
      const stored = (await t.fx.state()) as unknown as Record<string, Json[]>;
      const collection = c.collection.slice(c.collection.lastIndexOf("/") + 1);
      expect(stored[collection].some((e) => e.id === id)).toBe(true);
    });

    test("read: one GET (with $expand of the bindings) answers what create stored; a no-op diff sends nothing", async () => {
      const { inputs, id, outs } = await createVia(c);
      await t.fx.clearRequests();
      const read = await t.providers[c.key].read!(id, outs);
      expect(await sent()).toEqual([`GET ${readPath(c, id)}`]);
      expect(read.id).toBe(id);
      // With AutoExpand a read also returns each user-matching setting's role group (kept by id), which the
      // create's answer (201, not expanded) did not.
      const roleGroups = autoExpanded && c.key === "sourceSystemDefinition";
      expect(read.props).toEqual(
        roleGroups ? { ...outs, userMatchingSettings: outs.userMatchingSettings.map((s: Json, i: number) => ({ ...s, roleGroup: { id: ["staff", "students"][i] } })) } : outs,
      );
      await t.fx.clearRequests();
      await expect(t.providers[c.key].diff!(id, read.props, inputs)).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      await expect(t.providers[c.key].diff!(id, outs, await checked(c, await withSameDeps(c, inputs), inputs))).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("update: one PATCH holding only the changed property, then one GET; the next diff is clean", async () => {
      const { args, inputs, id, outs } = await createVia(c);
      await t.fx.clearRequests();
      const news = await checked(c, { ...args, displayName: "Renamed by the program" }, inputs);
      expect(await t.providers[c.key].diff!(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      const { outs: updated } = await t.providers[c.key].update!(id, outs, news);
      const requests = await t.fx.requests();
      expect(summaryWithQuery(requests)).toEqual([`PATCH ${c.collection}/${id}`, `GET ${readPath(c, id)}`]);
      expect(requests[0].body).toEqual({ "@odata.type": `${ns}${c.graphType}`, displayName: "Renamed by the program" });
      expect(updated!.displayName).toBe("Renamed by the program");
      await t.fx.clearRequests();
      await expect(t.providers[c.key].diff!(id, updated!, news)).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("replace: a create-only change is named in replaces (created before the old one is deleted)", async () => {
      const { args, inputs, id, outs } = await createVia(c);
      const edited = { ...args };
      await c.replace.edit(edited);
      await t.fx.clearRequests();
      const diff = await t.providers[c.key].diff!(id, outs, await checked(c, edited, inputs));
      expect(diff).toEqual({ changes: true, replaces: [c.replace.argument], deleteBeforeReplace: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("drift: a rename out of band shows on read and is PATCHed back", async () => {
      const { inputs, id, outs } = await createVia(c);
      const body = c.key === "sourceSystemDefinition" || c.key === "yearTimePeriodDefinition" || c.key === "referenceDefinition"
        ? { displayName: "Renamed in the portal" }
        : { "@odata.type": `${ns}${c.graphType}`, displayName: "Renamed in the portal" };
      expect((await t.fx.graph("PATCH", `${c.collection}/${id}`, body)).status).toBe(204);
      const read = await t.providers[c.key].read!(id, outs);
      expect(read.props.displayName).toBe("Renamed in the portal");
      expect(await t.providers[c.key].diff!(id, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });
      await t.fx.clearRequests();
      await t.providers[c.key].update!(id, read.props, inputs);
      const requests = await t.fx.requests();
      expect(requests[0]).toMatchObject({ method: "PATCH", body: { displayName: inputs.displayName } });
      expect(Object.keys(requests[0].body as Json)).toEqual(["@odata.type", "displayName"]);
      expect((await t.fx.graph("GET", `${c.collection}/${id}`)).body.displayName).toBe(inputs.displayName);
    });

    test("adopt: one GET, then a PATCH only of what Graph cannot tell; destroy leaves it in the tenant", async () => {
      const { args, id } = await createVia(c);
      const adoptArgs = { ...args, [c.adoptArgument]: id };
      await t.fx.clearRequests();
      const { id: adoptedId, outs } = await t.providers[c.key].create(await checked(c, adoptArgs));
      expect(adoptedId).toBe(id);
      const requests = await t.fx.requests();
      const patches = requests.filter((r) => r.method === "PATCH");
      expect(summaryWithQuery(requests)[0]).toBe(`GET ${readPath(c, id)}`);
      const adoptPatches = autoExpanded ? (c.adoptPatchesAutoExpanded ?? c.adoptPatches) : c.adoptPatches;
      expect(patches.map((p) => Object.keys(p.body as Json).filter((k) => k !== "@odata.type"))).toEqual(adoptPatches.length ? [adoptPatches] : []);
      expect(outs).toMatchObject({ adopted: true, deleteOnDestroy: false });
      await t.fx.clearRequests();
      await t.providers[c.key].delete!(id, outs);
      expect(await t.fx.requests()).toEqual([]);
      expect((await t.fx.graph("GET", `${c.collection}/${id}`)).status).toBe(200);
    });

    test("adopt: an id that does not exist fails before any write, naming it", async () => {
      const args = { ...(await c.args()), [c.adoptArgument]: c.key === "referenceDefinition" ? "RefGradeLevel-Missing" : "00000000-0000-4000-8000-00000000dead" };
      await t.fx.clearRequests();
      await expect(t.providers[c.key].create(await checked(c, args))).rejects.toThrow(/cannot adopt .* it does not exist \(404\)/);
      expect((await t.fx.requests()).filter((r) => r.method !== "GET")).toEqual([]);
    });
  });

  describe("deleted out of band", () => {
    test.each(kinds.filter((c) => c.key !== "referenceDefinition"))("$key: a created entity reads as gone (the next up recreates it)", async (c) => {
      const { id, outs } = await createVia(c);
      expect((await t.fx.graph("DELETE", `${c.collection}/${id}`)).status).toBe(204);
      await expect(t.providers[c.key].read!(id, outs)).resolves.toEqual({ id: "", props: {} });
    });

    test.each(kinds.filter((c) => c.key !== "referenceDefinition"))("$key: an adopted entity fails the read with what to do", async (c) => {
      const { args, id } = await createVia(c);
      const { outs } = await t.providers[c.key].create(await checked(c, { ...args, [c.adoptArgument]: id }));
      expect((await t.fx.graph("DELETE", `${c.collection}/${id}`)).status).toBe(204);
      await expect(t.providers[c.key].read!(id, outs)).rejects.toThrow(new RegExp(`no longer exists \\(404\\).*adopted with ${c.adoptArgument}`));
    });

    test("referenceDefinition (soft delete): deleted out of band it reads back disabled, and the next up enables it again", async () => {
      const c = kinds[6];
      const { inputs, id, outs } = await createVia(c);
      expect((await t.fx.graph("DELETE", `${c.collection}/${id}`)).status).toBe(204);
      const read = await t.providers.referenceDefinition.read!(id, outs);
      expect(read).toMatchObject({ id, props: { isDisabled: true } });
      await t.fx.clearRequests();
      await t.providers.referenceDefinition.update!(id, read.props, inputs);
      expect((await t.fx.requests())[0]).toMatchObject({ method: "PATCH", body: { "@odata.type": `${ns}referenceDefinition`, isDisabled: false } });
    });
  });
}, { autoExpandInbound });
});
