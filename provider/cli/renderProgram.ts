/** The `index.ts` of the program `industrydata export` writes, from a {@link ProgramPlan}. */
import type { PlannedFlow, PlannedFlowSet, ProgramPlan } from "./planProgram";
import { commentText, tsLiteral, tsString } from "./tsLiteral";

/** Where and when the tenant was read, for the header. */
export interface ExportSource {
  graphEndpoint: string;
  /** ISO date-time of the export. */
  exportedAt: string;
}

/** The program text. Everything read from the tenant is written as literals or `//` comments via JSON quoting. */
export function renderProgram(plan: ProgramPlan, source: ExportSource): string {
  const flowCount = plan.flowSets.reduce((n, s) => n + s.flows.length, 0);
  const lines: string[] = [
    `// Adopted by \`industrydata export\` from ${commentText(source.graphEndpoint)} on ${source.exportedAt}:`,
    `// ${plural(plan.flowSets.length, "flow set")} and ${plural(flowCount, "flow")}.`,
    "//",
    "// Each flow is adopted by its flowId with the arguments the tenant holds, so the first `pulumi up` changes",
    "// nothing in the tenant (it reads each flow once). From then on the flows are managed: edit an argument and",
    "// `pulumi up` PATCHes just that; a change made in the portal shows in `pulumi preview --refresh`.",
    "// Adopted flows stay in the tenant on `pulumi destroy` unless you set deleteOnDestroy: true.",
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
      "// The one exception to \"changes nothing\": the first `pulumi up` sends each of them once (Graph never",
      "// returns a password, so whether it already matches cannot be known).",
    ];
  }
  if (plan.passwords === "omit") {
    return ["//", "// Default passwords were not exported (--passwords omit): they stay as set in the tenant, unmanaged."];
  }
  return [];
}

function renderFlowSet(set: PlannedFlowSet): string[] {
  const lines = [
    `// Flow set ${tsString(set.displayName)} (${tsString(set.id)}).`,
    "// The set itself is not managed here (OutboundProvisioningFlowSet cannot adopt an existing set): it keeps its",
    "// settings, and its flows below refer to it by id. As read:",
    ...tsLiteral(set.args, { width: 96 }).split("\n").map((l) => `//   ${l}`),
    ...set.notes.map((n) => `// Note: ${commentText(n)}`),
    `const ${set.idVariable} = ${tsString(set.id)};`,
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

/** One stack output: the adopted flows' ids by variable, so `pulumi stack output` lists what is managed. */
function renderOutputs(plan: ProgramPlan): string[] {
  const flows = plan.flowSets.flatMap((s) => s.flows);
  if (flows.length === 0) return ["// The tenant held no flows: nothing to adopt.", "export const flowIds = {};"];
  return ["export const flowIds = {", ...flows.map((f) => `  ${f.variable}: ${f.variable}.flowId,`), "};"];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
