/**
 * Lookups (Pulumi functions) beside the resources: the role group is found by its display name, as an admin
 * sees it in the portal, and its id is bound in the user flow. `getRoleGroupOutput` reads Graph at preview and
 * at up (a GET, never a write) with the stack's `industrydata:*` configuration.
 *
 *   pulumi config set industrydata:graphEndpoint http://127.0.0.1:7878/beta   # or a real tenant's credentials
 *   pulumi up
 */
import { OutboundProvisioningFlowSet, UserProvisioningFlow, getRoleGroupOutput } from "pulumi-industrydata";

// Display names match case-insensitively; a name no role group has fails the preview, listing the ones that exist.
const students = getRoleGroupOutput({ displayName: "Students" });

const flowSet = new OutboundProvisioningFlowSet("people", { displayName: "People (role group lookup)" });

const users = new UserProvisioningFlow("users", {
  flowSetId: flowSet.id,
  createUnmatchedUsers: true,
  managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: false } },
  creationOptions: {
    configurations: [{ roleGroupId: students.id, licenseSkus: ["M365EDU_A3_STUUSEBNFT"] }],
  },
});

export const studentsRoleGroupId = students.id;
export const studentsRoles = students.roles;
export const userFlowId = users.flowId;
