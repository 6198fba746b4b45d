/** The `index.ts` of the program `industrydata export` writes, from a {@link ProgramPlan}. */
import { describeSecret, flowCount, type PlannedEntity, type PlannedFlow, type PlannedFlowSet, type ProgramPlan } from "./planProgram";
import { commentText, tsLiteral, tsString } from "./tsLiteral";

/** Where and when the tenant was read, for the header. */
export interface ExportSource {
  graphEndpoint: string;
  /** ISO date-time of the export. */
  exportedAt: string;
}

/** The program text. Everything read from the tenant is written as literals or `//` comments via JSON quoting. */
export function renderProgram(plan: ProgramPlan, source: ExportSource): string {
  const inbound = plan.entities.length > 0;
  const lines: string[] = [
    `// Adopted by \`industrydata export\` from ${commentText(source.graphEndpoint)} on ${source.exportedAt}:`,
    `// ${contents(plan)}.`,
    "//",
    ...(inbound
      ? [
          "// Each inbound entity is adopted by its id (sourceSystemId, dataConnectorId, yearId, inboundFlowId,",
          "// referenceDefinitionId), each flow set by its flowSetId and each flow by its flowId, with the arguments",
          "// the tenant holds, so",
        ]
      : ["// Each flow set is adopted by its flowSetId and each flow by its flowId, with the arguments the tenant holds, so"]),
    `// the first \`pulumi up\` reads each of them once and changes nothing in the tenant${plan.secretHolders.length > 0 ? " (but see secrets below)" : ""}.`,
    ...(inbound
      ? [
          "// A binding is a reference to the bound resource's output (sourceSystemId: <source>.sourceSystemId, …), not",
          "// a literal id, so the engine creates, replaces and deletes them in dependency order.",
        ]
      : []),
    "// From then on they are managed: edit an argument and `pulumi up` PATCHes just that; a change made in the",
    "// portal shows in `pulumi preview --refresh`.",
    `// Adopted ${inbound ? "resources" : "sets and flows"} stay in the tenant on \`pulumi destroy\` unless you set deleteOnDestroy: true.`,
    ...plan.notes.map((n) => `// Note: ${commentText(n)}`),
    ...secretHeader(plan),
    "",
    'import * as pulumi from "@pulumi/pulumi";',
    ...(plan.classNames.length > 0 ? [`import { ${plan.classNames.join(", ")} } from "pulumi-industrydata";`] : []),
    "",
  ];
  if (plan.secrets.length > 0) lines.push("const config = new pulumi.Config();", "");
  for (const entity of plan.entities) lines.push(...renderEntity(entity), "");
  for (const set of plan.flowSets) lines.push(...renderFlowSet(set), "");
  lines.push(...renderOutputs(plan));
  return `${lines.join("\n")}\n`;
}

/** "2 flow sets and 5 flows", with the inbound entities by class in front when there are some. */
function contents(plan: ProgramPlan): string {
  const outbound = `${plural(plan.flowSets.length, "flow set")} and ${plural(flowCount(plan), "flow")}`;
  if (plan.entities.length === 0) return outbound;
  const counts = new Map<string, number>();
  for (const e of plan.entities) counts.set(e.className, (counts.get(e.className) ?? 0) + 1);
  return `${[...counts].map(([c, n]) => `${n} ${c}`).join(", ")}; ${outbound}`;
}

function secretHeader(plan: ProgramPlan): string[] {
  if (plan.secrets.length > 0) {
    return [
      "//",
      "// Secrets (default passwords, connectors' client secrets) are write-only in Graph (a password is read back",
      "// masked, a client secret not at all), so they are read from secret stack config:",
      ...plan.secrets.map((s) => `//   pulumi config set --secret ${s.key}   # ${commentText(describeSecret(s))}`),
      `// The one exception to "changes nothing": the first \`pulumi up\` sends one PATCH to each resource with a`,
      `// declared secret (${plan.secretHolders.join(", ")}), on purpose: Graph never reveals the current value,`,
      "// so the declared one must be sent once to be sure the tenant holds it. Later runs send it only when it changes.",
    ];
  }
  if (plan.passwords === "omit") {
    return ["//", "// Default passwords were not exported (--passwords omit): they stay as set in the tenant, unmanaged."];
  }
  return [];
}

function renderEntity(entity: PlannedEntity): string[] {
  return [
    ...entity.notes.map((n) => `// Note: ${commentText(n)}`),
    `const ${entity.variable} = new ${entity.className}(${tsString(entity.resourceName)}, ${tsLiteral(entity.args, { multiline: true })});`,
  ];
}

function renderFlowSet(set: PlannedFlowSet): string[] {
  const lines = [
    `// Flow set ${tsString(set.displayName)}.`,
    ...set.notes.map((n) => `// Note: ${commentText(n)}`),
    `const ${set.variable} = new ${set.className}(${tsString(set.resourceName)}, ${tsLiteral(set.args, { multiline: true })});`,
  ];
  for (const flow of set.flows) lines.push("", ...renderFlow(flow));
  return lines;
}

function renderFlow(flow: PlannedFlow): string[] {
  return [
    ...flow.notes.map((n) => `// Note: ${commentText(n)}`),
    `const ${flow.variable} = new ${flow.className}(${tsString(flow.resourceName)}, ${tsLiteral(flow.args, { multiline: true })});`,
  ];
}

/**
 * Stack outputs: the adopted sets' and flows' ids by variable (and the inbound entities' when there are some),
 * so `pulumi stack output` lists what is managed.
 */
function renderOutputs(plan: ProgramPlan): string[] {
  const flows = plan.flowSets.flatMap((s) => s.flows);
  const inbound = plan.entities.length === 0
    ? []
    : ["export const inboundIds = {", ...plan.entities.map((e) => `  ${e.variable}: ${e.variable}.${e.idOutput},`), "};"];
  const lines = plan.flowSets.length === 0
    ? [...inbound, "// The tenant held no flow sets: nothing to adopt.", "export const flowSetIds = {};"]
    : [...inbound, "export const flowSetIds = {", ...plan.flowSets.map((s) => `  ${s.variable}: ${s.variable}.flowSetId,`), "};"];
  if (flows.length === 0) return [...lines, "export const flowIds = {};"];
  return [...lines, "export const flowIds = {", ...flows.map((f) => `  ${f.variable}: ${f.variable}.flowId,`), "};"];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
