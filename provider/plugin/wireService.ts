/**
 * The ResourceProvider service definition the plugin serves: Pulumi's generated one, except that the resource
 * calls' property maps (their `google.protobuf.Struct` fields) are decoded from and encoded to the wire as plain
 * JSON by structWire.ts instead of through google-protobuf's Struct objects. A handler reads such a field with
 * {@link requestStruct} and answers one with {@link withStructs}; every other field is the generated message's.
 */
import type * as grpc from "@grpc/grpc-js";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { JsonObject } from "../reconcile";

/**
 * The codec, loaded on the first resource call: protobufjs takes about 23 ms of CPU to load, which a plugin
 * process that only answers GetSchema (the engine starts one per command for a plugin without a version) or
 * only configures should not pay.
 */
let codec: typeof import("./structWire") | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (above)
const structWire = (): typeof import("./structWire") => (codec ??= require("./structWire") as typeof import("./structWire"));

/**
 * The Struct fields of each call's request and response, by getter name and field number (provider.proto;
 * `test/plugin/structWire.test.ts` checks every number against the generated classes). The calls made once per
 * plugin process (CheckConfig, Configure, …) keep google-protobuf's way: nothing to gain there.
 */
export const structFields = {
  check: { request: { olds: 2, news: 3 }, response: { inputs: 1 } },
  diff: { request: { olds: 3, news: 4, oldInputs: 6 }, response: {} },
  create: { request: { properties: 2 }, response: { properties: 2 } },
  read: { request: { properties: 3, inputs: 4 }, response: { properties: 2, inputs: 3 } },
  update: { request: { olds: 3, news: 4, oldInputs: 8 }, response: { properties: 1 } },
  delete: { request: { properties: 3, oldInputs: 5 }, response: {} },
} as const satisfies Record<string, { request: Record<string, number>; response: Record<string, number> }>;

type StructCall = keyof typeof structFields;
type RequestStructName<C extends StructCall> = keyof (typeof structFields)[C]["request"] & string;
type ResponseStructName<C extends StructCall> = keyof (typeof structFields)[C]["response"] & string;

/** The Struct fields decoded from each request (by name), and those to append to each response (by number). */
const requestStructs = new WeakMap<object, Map<number, JsonObject>>();
const responseStructs = new WeakMap<object, [number, JsonObject][]>();

/** The JSON of a request's Struct field (`{}` when the engine sent none, undefined only for `oldInputs`-like absences). */
export function requestStruct<C extends StructCall>(call: C, request: object, name: RequestStructName<C>): JsonObject | undefined {
  const decoded = requestStructs.get(request);
  if (decoded !== undefined) return decoded.get((structFields[call].request as Record<string, number>)[name]!);
  // Decoded by the generated class (a server with Pulumi's own definition): google-protobuf's way.
  const getter = `get${name[0]!.toUpperCase()}${name.slice(1)}`;
  const struct = (request as Record<string, () => { toJavaScript(): unknown } | undefined>)[getter]!.call(request);
  return struct?.toJavaScript() as JsonObject | undefined;
}

/** A response message that goes out with these Struct fields as well. */
export function withStructs<C extends StructCall, M extends object>(call: C, response: M, values: Partial<Record<ResponseStructName<C>, JsonObject>>): M {
  const numbers = structFields[call].response as Record<string, number>;
  responseStructs.set(
    response,
    Object.entries(values as Record<string, JsonObject | undefined>)
      .filter((entry): entry is [string, JsonObject] => entry[1] !== undefined)
      .map(([name, value]) => [numbers[name]!, value]),
  );
  return response;
}

/** Pulumi's ResourceProvider service definition with the resource calls' Struct fields done by structWire. */
export const resourceProviderService: grpc.ServiceDefinition = Object.fromEntries(
  Object.entries(providerGrpc.ResourceProviderService).map(([method, definition]) => {
    const fields = (structFields as Record<string, (typeof structFields)[StructCall] | undefined>)[method];
    if (fields === undefined) return [method, definition];
    const requestNumbers = new Set(Object.values(fields.request) as number[]);
    return [
      method,
      {
        ...definition,
        requestDeserialize: (bytes: Buffer) => {
          const { rest, structs } = structWire().takeStructFields(bytes, requestNumbers);
          const request = definition.requestDeserialize(Buffer.from(rest.buffer, rest.byteOffset, rest.byteLength)) as object;
          requestStructs.set(request, structs);
          return request;
        },
        responseSerialize: (response: object) => {
          const bytes = definition.responseSerialize(response as never);
          const structs = responseStructs.get(response);
          return structs === undefined || structs.length === 0 ? bytes : structWire().appendStructFields(bytes, structs);
        },
      },
    ];
  }),
);
