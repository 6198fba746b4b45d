/**
 * How the export plans the inbound side, from snapshots (pure: no Graph): the declaration order comes from the
 * descriptors' bindings, bindings become references to the bound resources' id outputs (a literal id, noted, only
 * when the target was not listed), each write-only value becomes a secret config key by the one rule every kind
 * shares, and hostile display names and ids never escape into code.
 */
import * as ts from "typescript";
import { entityKindOrder, planProgram } from "../../provider/cli/planProgram";
import type { TenantSnapshot } from "../../provider/cli/readTenant";
import { renderProgram } from "../../provider/cli/renderProgram";
import { Code } from "../../provider/cli/tsLiteral";

const NS = "#microsoft.graph.industryData.";
const HOSTILE = 'x" */ `${process.exit(1)}`\nconst injected = 1; //';

function snapshot(overrides: Partial<Record<"sourceId" | "connectorId" | "yearId" | "name", string>> = {}): TenantSnapshot {
  const sourceId = overrides.sourceId ?? "src-1";
  const connectorId = overrides.connectorId ?? "con-1";
  const yearId = overrides.yearId ?? "year-1";
  const name = overrides.name ?? "SIS";
  return {
    flowSets: [],
    entities: [
      // Deliberately listed bound-first: the plan must reorder.
      {
        kind: "inboundApiFlow",
        server: {
          "@odata.type": `${NS}inboundApiFlow`, id: "flow-1", displayName: `${name} rostering`, dataDomain: "educationRostering",
          effectiveDateTime: "2025-08-15T00:00:00Z", expirationDateTime: null, readinessStatus: "ready",
          dataConnector: { id: connectorId }, year: { id: yearId },
        },
      },
      {
        kind: "oneRosterApiDataConnector",
        server: {
          "@odata.type": `${NS}oneRosterApiDataConnector`, id: connectorId, displayName: name, apiFormat: "oneRoster",
          baseUrl: "https://sis.example.net/ims/oneroster/v1p1", apiVersion: "1.1",
          isContactsEnabled: false, isDemographicsEnabled: false, isFlagsEnabled: false,
          credential: { "@odata.type": `${NS}oAuth2ClientCredential`, displayName: "client", clientId: "abc", tokenUrl: "https://sis.example.net/token", scope: null, isValid: true, lastValidDateTime: null },
          sourceSystem: { id: sourceId },
        },
      },
      { kind: "year", server: { id: yearId, displayName: "2025-26", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" } } },
      { kind: "sourceSystem", server: { id: sourceId, displayName: name, vendor: null, userMatchingSettings: [] } },
      { kind: "referenceDefinition", server: { id: "RefGradeLevel-PK", referenceType: "RefGradeLevel", code: "PK", displayName: null, isDisabled: false, sortIndex: 1, source: "CEDS" } },
    ],
  };
}

function render(s: TenantSnapshot, passwords?: "config" | "omit"): string {
  return renderProgram(planProgram(s, passwords ? { passwords } : {}), { graphEndpoint: "https://graph.microsoft.com/beta", exportedAt: "2026-01-01T00:00:00.000Z" });
}

describe("planProgram: the inbound side", () => {
  test("kinds are declared after what they bind to, an order the descriptors' entityBindings give", () => {
    const order = entityKindOrder();
    const at = (k: string) => order.indexOf(k as never);
    expect(at("sourceSystem")).toBeLessThan(at("azureDataLakeConnector"));
    expect(at("sourceSystem")).toBeLessThan(at("oneRosterApiDataConnector"));
    expect(at("oneRosterApiDataConnector")).toBeLessThan(at("inboundApiFlow"));
    expect(at("year")).toBeLessThan(at("inboundFileFlow"));
    expect(planProgram(snapshot()).entities.map((e) => e.kind)).toEqual(["sourceSystem", "year", "oneRosterApiDataConnector", "inboundApiFlow"]);
  });

  test("bindings are references to the bound resources' id outputs; built-in reference definitions are not exported", () => {
    const plan = planProgram(snapshot());
    const [source, year, connector, flow] = plan.entities;
    expect(connector.args.sourceSystemId).toEqual(new Code(`${source.variable}.sourceSystemId`));
    expect(flow.args.dataConnectorId).toEqual(new Code(`${connector.variable}.dataConnectorId`));
    expect(flow.args.yearId).toEqual(new Code(`${year.variable}.yearId`));
    expect(plan.classNames).not.toContain("ReferenceDefinition");
  });

  test("a binding whose target the lists did not return stays a literal id, with a note", () => {
    const s = snapshot();
    s.entities = s.entities!.filter((e) => e.kind !== "year");
    const flow = planProgram(s).entities.find((e) => e.kind === "inboundApiFlow")!;
    expect(flow.args.yearId).toBe("year-1");
    expect(flow.notes.join("\n")).toMatch(/yearId "year-1" is not among the exported entities/);
  });

  test("a client secret is a secret config key in both password modes (the credential is required), read-only credential parts are dropped", () => {
    for (const mode of ["config", "omit"] as const) {
      const plan = planProgram(snapshot(), { passwords: mode });
      expect(plan.secrets.map((k) => [k.key, k.property, k.owner])).toEqual([["sisClientSecret", "clientSecret", "SIS"]]);
      expect(plan.secretHolders).toEqual(["sis-oneroster-connector"]);
      const credential = plan.entities[2].args.credential as Record<string, unknown>;
      expect(credential.clientSecret).toEqual(new Code('config.requireSecret("sisClientSecret")'));
      expect(credential).not.toHaveProperty("isValid");
      expect(credential).not.toHaveProperty("lastValidDateTime");
    }
  });

  test("a 403 on an inbound collection and an unmanaged type are notes of the program, not failures", () => {
    const s = { ...snapshot(), refused: [{ path: "/external/industryData/years", message: "Forbidden: no" }], unmanaged: [{ id: "c-9", odataType: `${NS}futureConnector` }] };
    const text = render(s);
    expect(text).toMatch(/\/\/ Note: Graph refused to list \/external\/industryData\/years \(403 Forbidden: no\)/);
    expect(text).toMatch(/\/\/ Note: "c-9" is of type ".*futureConnector", which this provider version does not manage: not exported/);
  });

  test.each([
    { name: "hostile display names", overrides: { name: HOSTILE } },
    { name: "hostile ids", overrides: { sourceId: HOSTILE, connectorId: `${HOSTILE}-c`, yearId: `${HOSTILE}-y` } },
  ])("$name never escape into code: the program parses and declares only the planned variables", ({ overrides }) => {
    const s = snapshot(overrides);
    const plan = planProgram(s);
    const text = render(s);
    const file = ts.createSourceFile("index.ts", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const errors = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
    const names = file.statements.flatMap((st) => (ts.isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.name.getText(file)) : []));
    expect(names).toEqual(["config", ...plan.entities.map((e) => e.variable), "inboundIds", "flowSetIds", "flowIds"]);
    expect(file.statements.filter((st) => !ts.isVariableStatement(st) && !ts.isImportDeclaration(st))).toEqual([]);
    // Every binding is still a reference, whatever the ids are.
    expect(text).toContain(`sourceSystemId: ${plan.entities[0].variable}.sourceSystemId,`);
  });
});
