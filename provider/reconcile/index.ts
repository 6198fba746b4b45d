/** provider/reconcile: pure JSON-in/JSON-out rules (diff, POST and PATCH bodies, outputs). No I/O, no Pulumi. */
export { diffResource } from "./diffResource";
export { buildCreateBody } from "./buildCreateBody";
export { buildPatchBody } from "./buildPatchBody";
export { toOutputs } from "./toOutputs";
export type { BodyContext, DiffResult, JsonObject, OutputContext } from "./types";
