/**
 * Engine-level test harness: the real Pulumi Node dynamic-provider host, started and driven over gRPC as
 * the engine does, plus the serialized `__provider` text obtained as `pulumi.dynamic.Resource` produces it.
 *
 *   const [r] = await serializeResources({ cwd, resources: [{ module, exportName, name, args }] });
 *   const host = await startProviderHost({ cwd, config: { "industrydata:accessToken": secret(t) } });
 *   const res = new EngineResource(host, r.urn);
 *   await res.up(r.inputs); await res.refresh(); await res.destroy();
 *   host.stop();
 */
export { startProviderHost, dynamicProviderScript, ProviderRpcError } from "./providerHost";
export type {
  ProviderHost,
  ProviderHostOptions,
  CheckResult,
  DiffResult,
  InitFailure,
  PropertyDiffKind,
  ResourceResult,
  CallOptions,
  CapturedLine,
  RpcRecord,
} from "./providerHost";
export { startEngineServer } from "./engineServer";
export type { EngineServer, EngineLogEntry } from "./engineServer";
export { EngineResource } from "./engineResource";
export type { ResourceState, UpResult, StepOp } from "./engineResource";
export { serializeResources, serializeProvider, resourceUrn, repoRoot } from "./serializeProvider";
export type { ResourceDeclaration, SerializeOptions, RegisteredResource } from "./serializeProvider";
export { makeProgramDir } from "./programDir";
export type { ProgramDir, ProgramPackage } from "./programDir";
export {
  Secret,
  secret,
  containsSecrets,
  revealSecrets,
  annotateSecrets,
  isPlainObject,
  toWire,
  fromWire,
  specialSigKey,
  specialSecretSig,
  unknownValue,
} from "./propertyValues";
