/**
 * A whole School Data Sync setup from an empty tenant, in the order SDS needs it:
 *   1. a source system: where the roster comes from, and how its users are matched to Microsoft Entra users;
 *   2. a CSV upload connector bound to it (the district's SIS exports SDS v2.1 CSV files nightly);
 *   3. the academic year;
 *   4. the inbound flow that reads the connector's files into that year;
 *   5. the outbound flow set and its flows, which provision accounts, class teams and groups from that roster.
 *
 * Every binding is a reference to the bound resource (`sourceSystemId: source.id`), so `pulumi up` creates them
 * in that order and `pulumi destroy` removes them in reverse. Bind with `.id` (the Graph id of a created
 * resource): a preview knows it while the bound resource is being updated, whereas its other outputs are unknown
 * until the update runs, which would show the resources bound to it as replaced. Graph cannot change a binding in
 * place: pointing the inbound flow at another year or connector replaces the flow (see
 * examples/academic-year-rollover).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  AzureDataLakeConnector,
  ClassGroupProvisioningFlow,
  InboundFileFlow,
  OutboundProvisioningFlowSet,
  SecurityGroupProvisioningFlow,
  SourceSystemDefinition,
  UserProvisioningFlow,
  YearTimePeriodDefinition,
} from "pulumi-industrydata";

const config = new pulumi.Config();

// 1. The SIS, with its users matched on their user name (role groups are SDS's built-in "staff" and "students").
const source = new SourceSystemDefinition("sis", {
  displayName: "Contoso SIS",
  vendor: "Contoso",
  userMatchingSettings: [
    { roleGroupId: "staff", priorityOrder: 0, sourceIdentifier: { code: "username" }, matchTarget: { code: "userPrincipalName" } },
    { roleGroupId: "students", priorityOrder: 1, sourceIdentifier: { code: "username" }, matchTarget: { code: "userPrincipalName" } },
  ],
});

// 2. CSV files in the SDS v2.1 format, uploaded to the connector's upload session (outside Pulumi: getUploadSession).
const csv = new AzureDataLakeConnector("sis-csv", {
  sourceSystemId: source.id,
  displayName: "Contoso SIS nightly CSV",
  fileFormat: { code: "schoolDataSyncV2Rev1" },
});

// 3. The academic year the roster belongs to.
const year = new YearTimePeriodDefinition("year-2025", {
  displayName: "School year 2025-26",
  startDate: "2025-09-01",
  endDate: "2026-06-30",
  year: { code: "2025" },
});

// 4. The inbound flow: reads the CSV connector into the year, from the summer break to the end of the year.
const inbound = new InboundFileFlow("rostering", {
  dataConnectorId: csv.id,
  yearId: year.id,
  displayName: "Rostering 2025-26",
  dataDomain: "educationRostering",
  effectiveDateTime: "2025-08-15T00:00:00Z",
  expirationDateTime: "2026-07-31T00:00:00Z",
});

// 5. Outbound provisioning from that roster. Graph does not bind a flow set to an inbound flow, so the order is
// stated with dependsOn: nothing is provisioned before the roster it provisions from is set up, and destroy
// stops provisioning before it removes the inbound side.
const district = new OutboundProvisioningFlowSet("district", { displayName: "Contoso district", filter: null }, { dependsOn: [inbound] });

new UserProvisioningFlow("district-users", {
  flowSetId: district.id,
  createUnmatchedUsers: true,
  managementOptions: {
    additionalAttributes: ["userGradeLevel"],
    additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: false },
  },
  creationOptions: {
    configurations: [
      { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"], defaultPasswordSettings: { password: config.requireSecret("staffPassword") } },
      { roleGroupId: "students", licenseSkus: ["M365EDU_A3_STUUSEBNFT"], defaultPasswordSettings: { password: config.requireSecret("studentPassword") } },
    ],
  },
});

new ClassGroupProvisioningFlow("district-classes", {
  flowSetId: district.id,
  configuration: {
    additionalAttributes: ["courseTitle", "courseCode", "academicSessionTitle"],
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
    enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
  },
});

new SecurityGroupProvisioningFlow("district-security-groups", {
  flowSetId: district.id,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
});

export const sourceSystemId = source.sourceSystemId;
export const dataConnectorId = csv.dataConnectorId;
export const yearId = year.yearId;
export const inboundFlowId = inbound.inboundFlowId;
export const flowSetId = district.flowSetId;
