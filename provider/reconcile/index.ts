/** provider/reconcile: pure JSON-in/JSON-out rules (diff, POST and PATCH bodies, outputs). No I/O, no Pulumi. */
export {
  createOnlyConflicts,
  diffResource,
  effectiveDeleteOnDestroy,
  isAdoption,
  naturalIdOf,
  recordedDeleteOnDestroy,
  replacedArguments,
} from "./diffResource";
export { boundIds, liftEntityBindings } from "./entityBindings";
export { assertNoCreateOnlyConflict, assertRevivable, isTenantsOwn } from "./existingEntity";
export { findTwin, twinError } from "./twinEntity";
export type { TwinRefusal } from "./twinEntity";
export { lastDeclaredKey, lastDeclaredRecord, unreadableChanged, unreadableProperties, unreadableReturned } from "./lastDeclared";
export { valueAt } from "./detailedDiff";
export { kindOutputKey } from "./kindOutput";
export { buildCreateBody } from "./buildCreateBody";
export { buildPatchBody, patchBodyOver } from "./buildPatchBody";
export { toOutputs } from "./toOutputs";
export { assertAdoptedEntity } from "./adoptedEntity";
export type { AdoptedEntity } from "./adoptedEntity";
export { differingProperties } from "./differingProperties";
export { covers } from "./covers";
export { toDeclaredForm } from "./declaredForm";
export { declaredArguments } from "./declaredArguments";
export type { DeclaredArguments, DeclaredArgumentsOptions, WriteOnlyChoice, WriteOnlyPlace } from "./declaredArguments";
export { refreshedInputs } from "./refreshedInputs";
export { parsePropertyPath, withoutPaths } from "./ignoredPaths";
export { overlay, toWire } from "./wireValue";
export { deepCopy, stripAnnotations } from "./json";
export {
  declaredPasswords,
  hashPassword,
  newPasswordSalt,
  passwordChanged,
  passwordHashes,
  passwordHashesKey,
  passwordMatches,
  passwordSaltKey,
} from "./passwords";
export type { BodyContext, DiffResult, JsonObject, OutputContext, PropertyChange } from "./types";
