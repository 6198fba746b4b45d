/**
 * The files around the exported `index.ts`: Pulumi.yaml, package.json, tsconfig.json, .gitignore and a README
 * with the commands that finish the adoption.
 */
import { DEFAULT_GRAPH_ENDPOINT } from "../config";
import { describeSecret, flowCount, type ProgramPlan } from "./planProgram";

/** What the project files need to know besides the plan. */
export interface ProjectFilesOptions {
  /** Pulumi project (and npm package) name. */
  project: string;
  graphEndpoint: string;
  tenantId?: string;
  clientId?: string;
  /** Versions written into package.json. */
  versions: PackageVersions;
}

/** Dependency versions of the generated package.json. */
export interface PackageVersions {
  pulumiIndustrydata: string;
  pulumi: string;
  typescript: string;
  typesNode: string;
  tsNode: string;
}

/** The stack settings the adoption needs, as `pulumi config set` commands (secrets prompt for their value). */
export function configCommands(plan: ProgramPlan, options: Omit<ProjectFilesOptions, "project" | "versions">): string[] {
  const commands: string[] = [];
  if (options.graphEndpoint !== DEFAULT_GRAPH_ENDPOINT) {
    commands.push(`pulumi config set industrydata:graphEndpoint ${options.graphEndpoint}`);
  }
  if (options.tenantId !== undefined) commands.push(`pulumi config set industrydata:tenantId ${options.tenantId}`);
  if (options.clientId !== undefined) commands.push(`pulumi config set industrydata:clientId ${options.clientId}`);
  for (const secret of plan.secrets) commands.push(`pulumi config set --secret ${secret.key}`);
  return commands;
}

/** File name -> content. */
export function renderProjectFiles(plan: ProgramPlan, options: ProjectFilesOptions): Record<string, string> {
  return {
    "Pulumi.yaml": pulumiYaml(plan, options),
    "package.json": `${JSON.stringify(packageJson(options), null, 2)}\n`,
    "tsconfig.json": `${JSON.stringify(tsconfig, null, 2)}\n`,
    ".gitignore": "node_modules/\n",
    "README.md": readme(plan, options),
  };
}

function pulumiYaml(plan: ProgramPlan, options: ProjectFilesOptions): string {
  const lines = [
    `name: ${options.project}`,
    plan.entities.length > 0
      ? "description: A School Data Sync tenant (source systems, connectors, years, inbound flows; outbound flow sets and flows) adopted with `industrydata export`."
      : "description: School Data Sync outbound provisioning flow sets and flows adopted with `industrydata export`.",
    "runtime:",
    "  name: nodejs",
    "  options:",
    "    typescript: true",
    "main: index.ts",
  ];
  if (plan.secrets.length > 0) {
    lines.push("config:");
    for (const secret of plan.secrets) {
      lines.push(
        `  ${secret.key}:`,
        "    type: string",
        "    secret: true",
        `    description: ${JSON.stringify(describeSecret(secret))}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function packageJson(options: ProjectFilesOptions): Record<string, unknown> {
  return {
    // npm package names are lower-case; Pulumi project names need not be.
    name: options.project.toLowerCase(),
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": options.versions.pulumi, "pulumi-industrydata": options.versions.pulumiIndustrydata },
    devDependencies: {
      "@types/node": options.versions.typesNode,
      "ts-node": options.versions.tsNode,
      typescript: options.versions.typescript,
    },
  };
}

const tsconfig = {
  compilerOptions: {
    target: "ES2022",
    module: "commonjs",
    moduleResolution: "node",
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
  },
  files: ["index.ts"],
};

function readme(plan: ProgramPlan, options: ProjectFilesOptions): string {
  const flows = flowCount(plan);
  const commands = configCommands(plan, options);
  const patches = plan.secretHolders.length;
  const inbound = plan.entities.length;
  const lines = [
    `# ${options.project}`,
    "",
    `Adopted from ${options.graphEndpoint} by \`industrydata export\`: ${inbound > 0 ? `${inbound} inbound resource(s), ` : ""}${plan.flowSets.length} flow set(s), ${flows} flow(s).`,
    ...(inbound > 0
      ? ["`index.ts` declares every source system, data connector, year, inbound flow and tenant-defined reference definition with its id,"]
      : []),
    "`index.ts` declares every flow set with its `flowSetId` and every flow with its `flowId`, each with the settings",
    "the tenant holds, so the first `pulumi up` reads each of them once and changes nothing in the tenant" +
      (patches > 0 ? `,\nexcept one PATCH per resource with a declared secret (${patches}; see below).` : "."),
    "",
    "## Finish the adoption",
    "",
    "```sh",
    "npm install",
    "pulumi stack init <stack>        # e.g. prod; any backend (pulumi login --local works)",
    ...commands,
    "pulumi preview                   # every set and flow shows as + create: adoption, read only",
    `pulumi up                        # ${patches > 0 ? `reads everything; PATCHes only the ${patches} resource(s) with a declared secret` : "reads everything, changes nothing"}`,
    "pulumi preview --refresh --expect-no-changes   # from now on: fails when the tenant drifts",
    "```",
    "",
    "Credentials: the provider reads `industrydata:*` stack config, then `INDUSTRYDATA_*` and `AZURE_*`",
    "environment variables, then `DefaultAzureCredential` (Azure CLI login, workload identity, managed identity).",
    "The caller needs `IndustryData-OutboundFlow.ReadWrite.All` to manage the sets and flows" +
      (inbound > 0
        ? ",\nand for the inbound side `IndustryData-SourceSystem.ReadWrite.All`, `IndustryData-DataConnector.ReadWrite.All`,\n" +
          "`IndustryData-TimePeriod.ReadWrite.All`, `IndustryData-InboundFlow.ReadWrite.All` and\n`IndustryData-ReferenceDefinition.ReadWrite.All`."
        : "."),
    "",
    "## What is and is not managed",
    "",
    "- Flow sets and flows: managed. Declared properties are compared on every run; undeclared ones are never sent.",
    "  Each flow's `flowSetId` is its set's `flowSetId` output, so a flow follows its set.",
    ...(inbound > 0
      ? [
          "- Source systems, connectors, years, inbound flows and tenant-defined reference definitions: managed the same",
          "  way. Each binding (`sourceSystemId`, `dataConnectorId`, `yearId`) references the bound resource's output, so",
          "  the engine orders creates, replacements and deletes; Graph cannot change a binding in place: changing one",
          "  replaces the resource. Graph's built-in reference definitions and disabled (deleted) tenant-defined ones",
          "  are not exported.",
        ]
      : []),
    "- `pulumi destroy` leaves adopted resources in the tenant; set `deleteOnDestroy: true` on one to delete it.",
  ];
  if (plan.secrets.length > 0) {
    lines.push(
      "- Secrets (default passwords, connectors' client secrets): Graph returns a password only masked and a client",
      "  secret not at all, so they were not exported. Each is read from a secret config key (above); Pulumi keeps",
      "  it encrypted in state and masked in output. Because Graph never reveals the current value, the first",
      "  `pulumi up` sends each declared one once: one PATCH per resource holding one",
      `  (${plan.secretHolders.join(", ")}). This is intended: a declared secret must reach the tenant.`,
      "  Later runs send a secret again only when its configured value changes.",
    );
  } else if (plan.passwords === "omit") {
    lines.push("- Default passwords: not exported (`--passwords omit`), so not managed, and the first `pulumi up` sends no",
      "  PATCH at all. Resending a user flow's `creationOptions` without them removes them: declare them before",
      "  changing `creationOptions`.");
  }
  return `${lines.join("\n")}\n`;
}
