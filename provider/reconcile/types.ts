/** Shared shapes of the reconcile layer. */

/** A JSON object as Graph sends and receives it. */
export type JsonObject = Record<string, unknown>;

/** What `diffResource` decides. */
export interface DiffResult {
  /** False when nothing differs (dynamic providers must say so explicitly). */
  changes: boolean;
  /** Arguments whose change forces a replacement ("flowSetId", "flowId", "@odata.type" for the kind). */
  replaces: string[];
  /** Every differing top-level property (Graph properties, provider fields and replaces). */
  changedProperties: string[];
  /** True whenever a flow is replaced (a set holds at most one flow of each kind); false for a set. */
  deleteBeforeReplace: boolean;
}

/** Context of body building. */
export interface BodyContext {
  /** Graph endpoint, e.g. "https://graph.microsoft.com/beta": the base of `roleGroup@odata.bind` URLs. */
  graphEndpoint: string;
  /** Previous outputs, when there are some (password hashes live there). */
  olds?: JsonObject;
}

/** Context of `toOutputs`. */
export interface OutputContext {
  /** Previous outputs: their password salt and bookkeeping are carried over. */
  olds?: JsonObject;
}
