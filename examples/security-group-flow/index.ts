/**
 * A security-group provisioning flow: security groups School Data Sync keeps in step with the inbound data, for
 * licensing, Conditional Access or Intune targeting.
 */
import { OutboundProvisioningFlowSet, SecurityGroupProvisioningFlow } from "pulumi-industrydata";

const flowSet = new OutboundProvisioningFlowSet("groups", { displayName: "Security groups (example)" });

const securityGroups = new SecurityGroupProvisioningFlow("security-groups", {
  flowSetId: flowSet.id,
  // Both required by Graph: one group per role group (all staff, all students) and/or one per school and role
  // group (the staff of north-high, …).
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
});

export const securityGroupFlowId = securityGroups.flowId;
