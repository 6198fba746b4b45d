/** Shared shapes of the reconcile layer. */

/** A JSON object as Graph sends and receives it. */
export type JsonObject = Record<string, unknown>;

/**
 * What `diffResource` decides, each change named as a plan names it: by its argument, and the kind of a
 * polymorphic entity by its output `odataType` (see kindOutputKey), on both front ends.
 */
export interface DiffResult {
  /** False when nothing differs (dynamic providers must say so explicitly). */
  changes: boolean;
  /** Arguments whose change forces a replacement ("flowSetId", "flowId", "odataType" for the kind). */
  replaces: string[];
  /** Every differing top-level property (Graph properties, provider fields and replaces). */
  changedProperties: string[];
  /** True whenever a flow is replaced (a set holds at most one flow of each kind); false for a set. */
  deleteBeforeReplace: boolean;
  /**
   * Where each change is, down to the changed value (a plan's old => new per path). Given the old inputs, a
   * change of the arguments is told from drift (see PropertyChange.inputDiff).
   */
  detailedChanges: PropertyChange[];
}

/** One changed place, as a plan names it. */
export interface PropertyChange {
  /** Printable path, e.g. `creationOptions.configurations[0].licenseSkus`. */
  path: string;
  kind: "add" | "delete" | "update";
  /** True when the change replaces the resource. */
  replace: boolean;
  /**
   * True when the change is between the old and the new arguments (the old value is shown from the old
   * inputs); false for drift, where the arguments did not change but Graph's value did (shown from the outputs).
   */
  inputDiff: boolean;
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
