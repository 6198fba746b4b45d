/**
 * The generated package schema's docs follow Graph's: each resource names the permission its Graph pages list
 * for writing it (graph-industrydata*.md, Permissions), and the reference definitions name Graph's reference types.
 */
import { packageSchema } from "../../provider/plugin/packageSchema";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document
const schema = packageSchema({ version: "1.2.3" }) as Spec;

const permissions: [string, string][] = [
  ["OutboundProvisioningFlowSet", "IndustryData-OutboundFlow.ReadWrite.All"],
  ["UserProvisioningFlow", "IndustryData-OutboundFlow.ReadWrite.All"],
  ["ClassGroupProvisioningFlow", "IndustryData-OutboundFlow.ReadWrite.All"],
  ["SecurityGroupProvisioningFlow", "IndustryData-OutboundFlow.ReadWrite.All"],
  ["AdministrativeUnitProvisioningFlow", "IndustryData-OutboundFlow.ReadWrite.All"],
  ["ProvisioningFlow", "IndustryData-OutboundFlow.ReadWrite.All"],
  ["SourceSystemDefinition", "IndustryData-SourceSystem.ReadWrite.All"],
  ["AzureDataLakeConnector", "IndustryData-DataConnector.ReadWrite.All"],
  ["OneRosterApiDataConnector", "IndustryData-DataConnector.ReadWrite.All"],
  ["YearTimePeriodDefinition", "IndustryData-TimePeriod.ReadWrite.All"],
  ["InboundFileFlow", "IndustryData-InboundFlow.ReadWrite.All"],
  ["InboundApiFlow", "IndustryData-InboundFlow.ReadWrite.All"],
  ["ReferenceDefinition", "IndustryData-ReferenceDefinition.ReadWrite.All"],
];

test("every resource is in the table", () => {
  expect(Object.keys(schema.resources).sort()).toEqual(permissions.map(([name]) => `industrydata:index:${name}`).sort());
});

test.each(permissions)("%s names exactly the Graph permission %s", (name, permission) => {
  const named = [...String(schema.resources[`industrydata:index:${name}`].description).matchAll(/IndustryData-[A-Za-z]+\.ReadWrite\.All/g)].map((m) => m[0]);
  expect(named).toEqual([permission]);
});

test("reference definitions are documented with Graph's type names and the six types tenants may extend", () => {
  const resource = schema.resources["industrydata:index:ReferenceDefinition"];
  const text = `${resource.description}\n${resource.inputProperties.referenceType.description}`;
  for (const type of ["RefAcademicSubject", "RefRace", "RefEthnicity", "RefGradeLevel", "RefOrgType", "RefPersonFlagType", "RefRole", "RefAcademicYear"]) expect(text).toContain(type);
  expect(JSON.stringify(schema)).not.toMatch(/`(role|schoolYear)`/);
});
