/** The `index.ts` of the program `industrydata export` writes, from a {@link ProgramPlan}. */
import { flowCount, type PlannedFlow, type PlannedFlowSet, type ProgramPlan } from "./planProgram";
import { commentText, tsLiteral, tsString } from "./tsLiteral";

/** Where and when the tenant was read, for the header. */
export interface ExportSource {
  graphEndpoint: string;
  /** ISO date-time of the export. */
  exportedAt: string;
}

/** The program text. Everything read from the tenant is written as literals or `//` comments via JSON quoting. */
export function renderProgram(plan: ProgramPlan, source: ExportSource): string {
  const lines: string[] = [
    `// Adopted by \`industrydata export\` from ${commentText(source.graphEndpoint)} on ${source.exportedAt}:`,
    `// ${plural(plan.flowSets.length, "flow set")} and ${plural(flowCount(plan), "flow")}.`,
    "//",
    "// Each flow set is adopted by its flowSetId and each flow by its flowId, with the arguments the tenant holds, so",
    `// the first \`pulumi up\` reads each of them once and changes nothing in the tenant${plan.passwordFlows.length > 0 ? " (but see passwords below)" : ""}.`,
    "// From then on they are managed: edit an argument and `pulumi up` PATCHes just that; a change made in the",
    "// portal shows in `pulumi preview --refresh`.",
    "// Adopted sets and flows stay in the tenant on `pulumi destroy` unless you set deleteOnDestroy: true.",
    ...passwordHeader(plan),
    "",
    'import * as pulumi from "@pulumi/pulumi";',
    ...(plan.classNames.length > 0 ? [`import { ${plan.classNames.join(", ")} } from "pulumi-industrydata";`] : []),
    "",
  ];
  if (plan.secrets.length > 0) lines.push("const config = new pulumi.Config();", "");
  for (const set of plan.flowSets) lines.push(...renderFlowSet(set), "");
  lines.push(...renderOutputs(plan));
  return `${lines.join("\n")}\n`;
}

function passwordHeader(plan: ProgramPlan): string[] {
  if (plan.secrets.length > 0) {
    return [
      "//",
      "// Default passwords are write-only in Graph (read back masked), so they are read from secret stack config:",
      ...plan.secrets.map((s) => `//   pulumi config set --secret ${s.key}   # ${s.roleGroupId} in ${tsString(s.flowSetDisplayName)}`),
      `// The one exception to "changes nothing": the first \`pulumi up\` sends one PATCH to each user flow with a`,
      `// declared password (${plan.passwordFlows.join(", ")}), on purpose: Graph never reveals the current password,`,
      "// so the declared one must be sent once to be sure the tenant holds it. Later runs send it only when it changes.",
    ];
  }
  if (plan.passwords === "omit") {
    return ["//", "// Default passwords were not exported (--passwords omit): they stay as set in the tenant, unmanaged."];
  }
  return [];
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

/** Two stack outputs: the adopted sets' and flows' ids by variable, so `pulumi stack output` lists what is managed. */
function renderOutputs(plan: ProgramPlan): string[] {
  const flows = plan.flowSets.flatMap((s) => s.flows);
  const lines = plan.flowSets.length === 0
    ? ["// The tenant held no flow sets: nothing to adopt.", "export const flowSetIds = {};"]
    : ["export const flowSetIds = {", ...plan.flowSets.map((s) => `  ${s.variable}: ${s.variable}.flowSetId,`), "};"];
  if (flows.length === 0) return [...lines, "export const flowIds = {};"];
  return [...lines, "export const flowIds = {", ...flows.map((f) => `  ${f.variable}: ${f.variable}.flowId,`), "};"];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
