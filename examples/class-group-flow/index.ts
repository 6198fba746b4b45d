/**
 * A class-group provisioning flow: each class (section) in the inbound data becomes a Microsoft 365 group, and
 * optionally a class team, with owners and members chosen by their section role.
 */
import { ClassGroupProvisioningFlow, OutboundProvisioningFlowSet } from "pulumi-industrydata";

const flowSet = new OutboundProvisioningFlowSet("classes", { displayName: "Classes (example)" });

const classGroups = new ClassGroupProvisioningFlow("class-groups", {
  flowSetId: flowSet.id,
  configuration: {
    // Extra attributes written on each group; order does not matter.
    additionalAttributes: ["courseTitle", "courseCode", "courseSubject", "academicSessionTitle"],
    // Both required by Graph: create a class team per group; write the display name only on creation
    // (so teachers' renames survive the next sync).
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
    // Section-role codes (compared case-insensitively and without order): owners manage the group, members join it.
    enrollmentMappings: {
      ownerEnrollmentMappings: [{ code: "teacher" }, { code: "teacherAssistant" }],
      memberEnrollmentMappings: [{ code: "student" }, { code: "aide" }],
    },
  },
});

export const classGroupFlowId = classGroups.flowId;
export const readinessStatus = classGroups.readinessStatus;
