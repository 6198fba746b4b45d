import * as pulumi from "@pulumi/pulumi";
import type { ReadinessStatus } from "../../schema/enums";
import type { ProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { FlowResource } from "../flowResource";

/** Arguments of a {@link ProvisioningFlow}. */
export interface ProvisioningFlowArgs {
  /**
   * Id of the parent `OutboundProvisioningFlowSet`. Changing this replaces the resource (deleted first: a set holds
   * at most one flow of each kind).
   */
  flowSetId: pulumi.Input<string>;
  /**
   * Id of the existing flow (of any kind) to adopt. Required: the base type is abstract, so it cannot be
   * created. Changing this replaces the resource.
   */
  flowId: pulumi.Input<string>;
  /**
   * Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. A
   * ProvisioningFlow is always adopted: false unless declared.
   */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * The readiness state to PATCH. Graph's metadata marks `readinessStatus` computed (read-only) while the
   * `Update provisioningFlow` page (seed 002) lists it as patchable: it is accepted here only, sent only when
   * declared, and the service may refuse or recompute it. Unmanaged when omitted.
   */
  readinessStatus?: DeepInput<Props["readinessStatus"]>;
}

/**
 * Any existing provisioning flow (Graph's abstract `provisioningFlow`) adopted by id and managed through its base
 * properties only (seed 002): useful to watch `readinessStatus` of a flow managed elsewhere, or to set it where
 * the service allows. Never created; destroying it leaves the flow in the tenant unless `deleteOnDestroy`.
 *
 * Graph permission: `IndustryData-OutboundFlow.ReadWrite.All` (`IndustryData-OutboundFlow.Read.All` suffices
 * when nothing is declared to change).
 *
 * Id: `<setId>/<flowId>`.
 *
 * @example
 * ```ts
 * const existing = new ProvisioningFlow("existing", { flowSetId: "9ab41255-…", flowId: "4598f62a-…" });
 * export const readiness = existing.readinessStatus;
 * ```
 */
export class ProvisioningFlow extends FlowResource {
  /** The adopted flow's concrete Graph type, e.g. `#microsoft.graph.industryData.userProvisioningFlow`. */
  declare readonly odataType: pulumi.Output<string>;
  // Declared again: on the base type readinessStatus is also an argument, so its output is described as read.
  /** Readiness as read from Graph (`notReady`, `ready`, `failed`, `disabled`, `expired`). */
  declare readonly readinessStatus: pulumi.Output<ReadinessStatus | null>;

  constructor(name: string, args: ProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("provisioningFlow", name, args, opts);
  }
}
