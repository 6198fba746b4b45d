/**
 * What the benchmark declares: per flow set, the set itself and one flow of each of the four kinds (a set holds
 * at most one per kind), with arguments shaped like the seeds; and, per kind, the one-property change the update
 * phase makes.
 */
import type { ResourceDeclaration } from "../test/harness";
import { secret } from "../test/harness";

/** The four flow kinds, in the order flows are declared within a set. */
export const flowKinds = [
  "userProvisioningFlow",
  "classGroupProvisioningFlow",
  "securityGroupProvisioningFlow",
  "administrativeUnitProvisioningFlow",
] as const;

/** A flow kind (also the Graph type name, without the namespace). */
export type FlowKind = (typeof flowKinds)[number];

/** The kind of a resource in the benchmark's stack. */
export type MemberKind = "flowSet" | FlowKind;

/** Graph's `@odata.type` for a flow kind. */
export function odataTypeOf(kind: FlowKind): string {
  return `#microsoft.graph.industryData.${kind}`;
}

/**
 * Properties Graph requires on every PATCH of a flow (its docs mark them Required; DESIGN.md "PATCH body"),
 * written out here rather than taken from the provider's descriptors so that the benchmark checks the provider
 * instead of agreeing with it.
 */
export const requiredOnPatch: Record<FlowKind, string[]> = {
  userProvisioningFlow: ["managementOptions"],
  classGroupProvisioningFlow: ["configuration"],
  securityGroupProvisioningFlow: ["creationOptions"],
  administrativeUnitProvisioningFlow: ["creationOptions"],
};

/**
 * The nested `@odata.type` annotations Graph's documented request bodies carry (seeds 003 and 004, and
 * /work/shared/reference: an abstract-typed value must say its type; the class-group page annotates every
 * complex value), by path below the top-level property (`a.b`, `a[]` for each element). Graph returns them only
 * on abstract-typed values, so the read-back value a PATCH's minimum starts from lacks them; they are written
 * out here, not taken from the provider, for the same reason as `requiredOnPatch`.
 */
export const documentedAnnotations: Record<FlowKind, Record<string, string>> = {
  userProvisioningFlow: {
    "creationOptions.configurations[].defaultPasswordSettings": "#microsoft.graph.industryData.simplePasswordSettings",
  },
  classGroupProvisioningFlow: {
    configuration: "#microsoft.graph.industryData.classGroupConfiguration",
    "configuration.additionalOptions": "#microsoft.graph.industryData.additionalClassGroupOptions",
    "configuration.enrollmentMappings": "#microsoft.graph.industryData.enrollmentMappings",
    "configuration.enrollmentMappings.ownerEnrollmentMappings[]": "#microsoft.graph.industryData.sectionRoleReferenceValue",
    "configuration.enrollmentMappings.memberEnrollmentMappings[]": "#microsoft.graph.industryData.sectionRoleReferenceValue",
  },
  securityGroupProvisioningFlow: {},
  administrativeUnitProvisioningFlow: {},
};

/** A loopback-only benchmark value, not a credential. */
const benchPassword = "Bench-Pw-not-a-secret-1";

/** One declaration per kind: the template every set's resources are cloned from. */
export const declarations: Record<MemberKind, ResourceDeclaration> = {
  flowSet: {
    module: "pulumi-industrydata",
    exportName: "OutboundProvisioningFlowSet",
    name: "set",
    args: { displayName: "Bench district" },
  },
  userProvisioningFlow: {
    module: "pulumi-industrydata",
    exportName: "UserProvisioningFlow",
    name: "users",
    args: {
      // The real set id is only known once the set exists; each flow's registered inputs get it then.
      flowSetId: "00000000-0000-0000-0000-00000000beef",
      createUnmatchedUsers: true,
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
      creationOptions: {
        configurations: [
          {
            roleGroupId: "students",
            licenseSkus: ["M365EDU_A3_STUUSEBNFT"],
            defaultPasswordSettings: { password: secret(benchPassword) },
          },
        ],
      },
    },
  },
  classGroupProvisioningFlow: {
    module: "pulumi-industrydata",
    exportName: "ClassGroupProvisioningFlow",
    name: "classes",
    args: {
      flowSetId: "00000000-0000-0000-0000-00000000beef",
      configuration: {
        additionalAttributes: ["courseTitle"],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
      },
    },
  },
  securityGroupProvisioningFlow: {
    module: "pulumi-industrydata",
    exportName: "SecurityGroupProvisioningFlow",
    name: "securityGroups",
    args: {
      flowSetId: "00000000-0000-0000-0000-00000000beef",
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    },
  },
  administrativeUnitProvisioningFlow: {
    module: "pulumi-industrydata",
    exportName: "AdministrativeUnitProvisioningFlow",
    name: "adminUnits",
    args: {
      flowSetId: "00000000-0000-0000-0000-00000000beef",
      creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
    },
  },
};

/** The update phase's change of one flow: the top-level property it touches and its new declared value. */
export interface FlowChange {
  property: string;
  value: unknown;
}

/**
 * One property per kind. The user flow's change is a top-level scalar, so its PATCH must also carry
 * `managementOptions` (required); the others change one field inside the required complex property.
 */
export const changes: Record<FlowKind, FlowChange> = {
  userProvisioningFlow: { property: "createUnmatchedUsers", value: false },
  classGroupProvisioningFlow: {
    property: "configuration",
    value: {
      additionalAttributes: ["courseTitle"],
      additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
    },
  },
  securityGroupProvisioningFlow: {
    property: "creationOptions",
    value: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
  },
  administrativeUnitProvisioningFlow: {
    property: "creationOptions",
    value: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: false },
  },
};
