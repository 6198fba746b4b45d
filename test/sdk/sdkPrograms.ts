/**
 * One program declaring every resource kind, with nested objects, collections, enums, bindings to other
 * resources and a secret, written out in Python and Go against the SDKs `pulumi package gen-sdk` generates:
 * the declarations are data (the same arguments the unit tests validate), and the renderers walk the package
 * schema to spell each value the way that SDK types it. What each resource must send the engine is the
 * declaration itself, in Graph's JSON (the mocks test compares).
 */
import { packageSchema } from "../../provider/plugin/packageSchema";
import { descriptors, resourceKinds, type ResourceKind } from "../../provider/schema";
import { csvConnectorArgs, inboundFlowArgs, oneRosterConnectorArgs, referenceDefinitionArgs, sourceSystemArgs, yearArgs } from "../support/inboundArgs";
import { TEST_CLIENT_SECRETS, TEST_PASSWORDS } from "../support/testSecrets";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document

/** The id of another declared resource (`district.id`). */
export interface Ref {
  ref: string;
}
/** A value declared secret (`pulumi.Output.secret`, `pulumi.ToSecret`). */
export interface Secret {
  secret: string;
}
/** A secret from the stack's configuration (`pulumi.Config().require_secret`); Python programs only. */
export interface ConfigSecret {
  config: string;
}
export type Value = string | number | boolean | null | Ref | Secret | ConfigSecret | Value[] | { [key: string]: Value };

export interface Declaration {
  name: string;
  kind: ResourceKind;
  args: Record<string, Value>;
}

export const PASSWORD = TEST_PASSWORDS.pythonStudent;
export const CLIENT_SECRET = TEST_CLIENT_SECRETS.connectorUnit;

/** Every kind once, bound to one another the way a district is. */
export function declarations(): Declaration[] {
  const list: Declaration[] = [
    { name: "district", kind: "flowSet", args: { displayName: "District", filter: { attribute: "orgExternalId", in: ["north", "south"] } } },
    {
      name: "users",
      kind: "user",
      args: {
        flowSetId: { ref: "district" },
        createUnmatchedUsers: true,
        managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
        creationOptions: {
          configurations: [
            { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"] },
            { roleGroupId: "students", licenseSkus: ["M365EDU_A3_STUUSEBNFT"], defaultPasswordSettings: { password: { secret: PASSWORD } } },
          ],
        },
      },
    },
    {
      name: "classes",
      kind: "classGroup",
      args: {
        flowSetId: { ref: "district" },
        configuration: {
          additionalAttributes: ["courseTitle"],
          additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
          enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
        },
      },
    },
    { name: "securityGroups", kind: "securityGroup", args: { flowSetId: { ref: "district" }, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } } },
    { name: "adminUnits", kind: "administrativeUnit", args: { flowSetId: { ref: "district" }, creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } } },
    { name: "anyFlow", kind: "provisioningFlow", args: { flowSetId: { ref: "district" }, flowId: "existing-flow-id" } },
    { name: "sis", kind: "sourceSystem", args: sourceSystemArgs() },
    { name: "csv", kind: "azureDataLakeConnector", args: { ...csvConnectorArgs("x"), sourceSystemId: { ref: "sis" } } },
    { name: "oneRoster", kind: "oneRosterApiDataConnector", args: oneRoster() },
    { name: "schoolYear", kind: "year", args: yearArgs() },
    { name: "fileFlow", kind: "inboundFileFlow", args: { ...inboundFlowArgs("x", "y"), dataConnectorId: { ref: "csv" }, yearId: { ref: "schoolYear" } } },
    { name: "apiFlow", kind: "inboundApiFlow", args: { ...inboundFlowArgs("x", "y"), dataConnectorId: { ref: "oneRoster" }, yearId: { ref: "schoolYear" } } },
    { name: "gradeLevel", kind: "referenceDefinition", args: referenceDefinitionArgs() },
  ];
  const missing = resourceKinds.filter((kind) => !list.some((d) => d.kind === kind));
  if (missing.length > 0) throw new Error(`sdkPrograms declares no ${missing.join(", ")}: add one`);
  return list.map((d) => ({ ...d, args: dropNulls(d.args) as Record<string, Value> }));
}

function oneRoster(): Record<string, Value> {
  const args = oneRosterConnectorArgs("x", CLIENT_SECRET) as Record<string, Value> & { credential: Record<string, Value> };
  return { ...args, sourceSystemId: { ref: "sis" }, credential: { ...args.credential, clientSecret: { secret: CLIENT_SECRET } } };
}

/** Nulls mean "not declared" in these literals: an SDK argument left out. */
function dropNulls(value: Value): Value {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === "object" && !isRef(value) && !isSecret(value) && !isConfigSecret(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
  }
  return value;
}

export function isRef(value: Value): value is Ref {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "ref" in value && Object.keys(value).length === 1;
}
export function isConfigSecret(value: Value): value is ConfigSecret {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "config" in value && Object.keys(value).length === 1;
}
export function isSecret(value: Value): value is Secret {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "secret" in value && Object.keys(value).length === 1;
}

/** What the engine receives for a declaration: refs as `<name>_id` (the mocks' ids), secrets as their value. */
export function expectedInputs(args: Record<string, Value>): Record<string, unknown> {
  const plain = (value: Value): unknown => {
    if (isRef(value)) return `${value.ref}_id`;
    if (isSecret(value)) return value.secret;
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    return value;
  };
  return plain(args) as Record<string, unknown>;
}

const schema = packageSchema({ version: "0.0.0" }) as Spec;

function typeOf(ref: string): { token: string; spec: Spec } {
  const token = ref.replace(/^#\/types\//, "");
  const spec = schema.types[token];
  if (spec === undefined) throw new Error(`no type ${token} in the schema`);
  return { token, spec };
}

const typeName = (token: string): string => token.split(":")[2];

// ---------------------------------------------------------------- Python

const PYTHON_KEYWORDS = new Set(["in", "is", "not", "and", "or", "from", "import", "class", "def", "global", "lambda", "pass", "return", "with", "yield"]);

/** Pulumi's Python name of a property (PyName): snake case, a keyword with a trailing underscore. */
export function pythonName(name: string): string {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  return PYTHON_KEYWORDS.has(snake) ? `${snake}_` : snake;
}

function pythonValue(value: Value, indent: string): string {
  if (isRef(value)) return `${value.ref}.id`;
  if (isSecret(value)) return `pulumi.Output.secret(${JSON.stringify(value.secret)})`;
  if (isConfigSecret(value)) return `pulumi.Config().require_secret(${JSON.stringify(value.config)})`;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string" || typeof value === "number") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => pythonValue(v, indent)).join(", ")}]`;
  if (value === null) return "None";
  const inner = `${indent}    `;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(pythonName(k))}: ${pythonValue(v, inner)},`);
  return `{\n${entries.join("\n")}\n${indent}}`;
}

/** A Python program (`import pulumi_industrydata as industrydata`) declaring every kind; exports each resource's URN by name. */
export function pythonProgram(list: Declaration[] = declarations()): string {
  const lines = ["import pulumi", "import pulumi_industrydata as industrydata", ""];
  for (const { name, kind, args } of list) {
    lines.push(`${name} = industrydata.${descriptors[kind].resourceName}(`);
    lines.push(`    ${JSON.stringify(name)},`);
    for (const [key, value] of Object.entries(args)) lines.push(`    ${pythonName(key)}=${pythonValue(value, "    ")},`);
    lines.push(")");
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------- Go

const goField = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function goScalar(type: string, value: Value): string {
  const ctor = { string: "pulumi.String", boolean: "pulumi.Bool", integer: "pulumi.Int", number: "pulumi.Float64" }[type];
  if (ctor === undefined) throw new Error(`no Go input for ${type}`);
  return `${ctor}(${JSON.stringify(value)})`;
}

/** A Go expression of `value` for the property `spec` (a schema property or items spec). */
function goValue(spec: Spec, value: Value, indent: string): string {
  if (isRef(value)) return `${value.ref}.ID().ToStringOutput()`;
  if (isSecret(value)) return `pulumi.ToSecret(pulumi.String(${JSON.stringify(value.secret)})).(pulumi.StringOutput)`;
  if (spec.$ref !== undefined) {
    const { token, spec: type } = typeOf(spec.$ref);
    if (type.enum !== undefined) return `industrydata.${typeName(token)}(${JSON.stringify(value)})`;
    return `&industrydata.${typeName(token)}Args${goFields(type.properties, value as Record<string, Value>, indent)}`;
  }
  if (spec.type === "array") {
    const items = spec.items as Spec;
    const values = value as Value[];
    let arrayType: string;
    if (items.$ref !== undefined) arrayType = `industrydata.${typeName(typeOf(items.$ref).token)}Array`;
    else arrayType = `pulumi.${{ string: "String", boolean: "Bool", integer: "Int", number: "Float64" }[items.type as string]}Array`;
    // Array elements are values (XArgs{...}), not pointers.
    const elements = values.map((v) => goValue(items, v, `${indent}\t`).replace(/^&/, ""));
    return `${arrayType}{\n${elements.map((e) => `${indent}\t${e},`).join("\n")}\n${indent}}`;
  }
  return goScalar(spec.type as string, value);
}

function goFields(properties: Record<string, Spec>, values: Record<string, Value>, indent: string): string {
  const inner = `${indent}\t`;
  const fields = Object.entries(values).map(([key, value]) => {
    const spec = properties[key];
    if (spec === undefined) throw new Error(`no property ${key} in the schema`);
    return `${inner}${goField(key)}: ${goValue(spec, value, inner)},`;
  });
  return `{\n${fields.join("\n")}\n${indent}}`;
}

/** A Go program (package main) declaring every kind with the SDK at `importPath`. */
export function goProgram(importPath: string, list: Declaration[] = declarations()): string {
  const body: string[] = [];
  for (const { name, kind, args } of list) {
    const resource = descriptors[kind].resourceName;
    const spec = schema.resources[`industrydata:index:${resource}`] as Spec;
    body.push(`\t\t${name}, err := industrydata.New${resource}(ctx, ${JSON.stringify(name)}, &industrydata.${resource}Args${goFields(spec.inputProperties, args, "\t\t")})`);
    body.push("\t\tif err != nil {\n\t\t\treturn err\n\t\t}");
    body.push(`\t\tctx.Export(${JSON.stringify(name)}, ${name}.URN())`);
  }
  return [
    "package main",
    "",
    "import (",
    `\t"${importPath}"`,
    `\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"`,
    ")",
    "",
    "func main() {",
    "\tpulumi.Run(func(ctx *pulumi.Context) error {",
    ...body,
    "\t\treturn nil",
    "\t})",
    "}",
    "",
  ].join("\n");
}
