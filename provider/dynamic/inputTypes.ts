import type * as pulumi from "@pulumi/pulumi";

/**
 * A plain argument type made `pulumi.Input` at every level, as Pulumi packages type their nested args: any
 * value, object or array element may be an Output or a Promise (for example a flow set's `id`).
 * Built from provider/schema's plain types, so the arguments have one source of truth.
 */
export type DeepInput<T> = pulumi.Input<
  T extends (infer U)[] ? DeepInput<U>[] : T extends object ? { [K in keyof T]: DeepInput<T[K]> } : T
>;
