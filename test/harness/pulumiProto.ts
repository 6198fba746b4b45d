/**
 * The gRPC runtime and generated Pulumi stubs, loaded from the installed @pulumi/pulumi so that our
 * `Struct` instances come from the same google-protobuf copy the dynamic-provider host uses (a Struct from
 * another copy fails the generated `instanceof` checks).
 */
import { createRequire } from "module";

/* eslint-disable @typescript-eslint/no-explicit-any -- the generated stubs are plain JS; typed at our API edge. */
export interface PulumiProto {
  grpc: typeof import("@grpc/grpc-js");
  provider: any;
  providerGrpc: any;
  plugin: any;
  engine: any;
  engineGrpc: any;
  struct: any;
  empty: any;
  status: any;
  /** Absolute path of the @pulumi/pulumi package folder these were loaded from. */
  pulumiDir: string;
}

const cache = new Map<string, PulumiProto>();

/**
 * Loads the stubs of the @pulumi/pulumi that `fromDir` resolves (default: this repo's), once per folder.
 */
export function loadPulumiProto(fromDir: string = __dirname): PulumiProto {
  const pkgJson = require.resolve("@pulumi/pulumi/package.json", { paths: [fromDir] });
  const hit = cache.get(pkgJson);
  if (hit) return hit;
  // Resolve every dependency relative to @pulumi/pulumi itself, as its own code does.
  const req = createRequire(pkgJson);
  const proto: PulumiProto = {
    grpc: req("@grpc/grpc-js"),
    provider: req("./proto/provider_pb"),
    providerGrpc: req("./proto/provider_grpc_pb"),
    plugin: req("./proto/plugin_pb"),
    engine: req("./proto/engine_pb"),
    engineGrpc: req("./proto/engine_grpc_pb"),
    struct: req("google-protobuf/google/protobuf/struct_pb"),
    empty: req("google-protobuf/google/protobuf/empty_pb"),
    status: req("./proto/status_pb"),
    pulumiDir: pkgJson.replace(/[\\/]package\.json$/, ""),
  };
  cache.set(pkgJson, proto);
  return proto;
}
