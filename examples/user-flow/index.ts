/**
 * A user provisioning flow: which people in the inbound SIS data School Data Sync turns into Entra ID accounts,
 * with which licenses and default password per role group, and how they are managed afterwards.
 *
 *   pulumi config set --secret staffPassword
 *   pulumi config set --secret studentPassword
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { OutboundProvisioningFlowSet, UserProvisioningFlow } from "pulumi-industrydata";

const config = new pulumi.Config();

// Every flow lives in a flow set; with no filter the set covers every organisation in the inbound data.
const flowSet = new OutboundProvisioningFlowSet("people", { displayName: "People (example)" });

const users = new UserProvisioningFlow("users", {
  flowSetId: flowSet.id,
  // Create accounts for people who match no existing user (false: only manage the ones already matched).
  createUnmatchedUsers: true,
  managementOptions: {
    additionalAttributes: ["userGradeLevel", "userNumber"],
    // studentAgeGroup replaces the deprecated markAllStudentsAsMinors; null turns age-group enforcement off.
    additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
  },
  creationOptions: {
    // One configuration per role group ("staff", "students"); order does not matter.
    configurations: [
      {
        roleGroupId: "staff",
        licenseSkus: ["M365EDU_A3_FACULTY"],
        // Write-only in Graph (read back masked): kept secret and compared through a salted hash in state.
        defaultPasswordSettings: { password: config.requireSecret("staffPassword") },
      },
      {
        roleGroupId: "students",
        licenseSkus: ["M365EDU_A3_STUUSEBNFT"],
        defaultPasswordSettings: { password: config.requireSecret("studentPassword") },
      },
    ],
  },
});

export const flowSetId = flowSet.id;
export const userFlowId = users.flowId;
/** notReady right after creation, then ready (or disabled, failed, …) as School Data Sync processes it. */
export const readinessStatus = users.readinessStatus;
