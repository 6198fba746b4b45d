/**
 * An administrative-unit provisioning flow: Entra ID administrative units per school (and per school and role
 * group), so school IT staff can be given admin rights scoped to their own school.
 */
import { AdministrativeUnitProvisioningFlow, OutboundProvisioningFlowSet } from "pulumi-industrydata";

const flowSet = new OutboundProvisioningFlowSet("admin-units", { displayName: "Administrative units (example)" });

const adminUnits = new AdministrativeUnitProvisioningFlow("admin-units", {
  flowSetId: flowSet.id,
  // Both required by Graph.
  creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
});

export const adminUnitFlowId = adminUnits.flowId;
