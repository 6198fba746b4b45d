/**
 * The plugin's own Struct codec (provider/plugin/structWire.ts) and the service definition that uses it
 * (wireService.ts) against google-protobuf, which the engine's messages were decoded and encoded with before: the
 * same JSON (key order included) from the same bytes, the same bytes from the same JSON, and every Struct field
 * number of the resource calls checked against Pulumi's generated classes.
 */
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import * as structPb from "google-protobuf/google/protobuf/struct_pb";
import { appendStructFields, decodeStruct, encodeStruct, takeStructFields } from "../../provider/plugin/structWire";
import { requestStruct, resourceProviderService, structFields, withStructs } from "../../provider/plugin/wireService";

type Json = Record<string, unknown>;

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "P@ssw0rd!" };
let deep: Json = { leaf: "bottom" };
for (let i = 0; i < 30; i++) deep = i % 2 === 0 ? { [`level${i}`]: deep } : { list: [deep, i] };

const values: [string, Json][] = [
  ["an empty object", {}],
  ["one string", { a: "x" }],
  ["keys in every order google-protobuf sorts", { b: 1, a: 2, C: 3, "": 4, é: 5, "😀": 6, "10": 7, "9": 8, _: 9, "a.b": 10, "a[0]": 11 }],
  ["zeros", { zero: 0, negativeZero: -0 }],
  ["doubles", { half: 1.5, tiny: 5e-324, huge: -1e308, pi: Math.PI, third: 1 / 3 }],
  ["integers past 2^53", { safe: Number.MAX_SAFE_INTEGER, past: 2 ** 53 + 2, negative: -(2 ** 62) }],
  ["non-finite numbers", { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, negInf: Number.NEGATIVE_INFINITY }],
  ["booleans and null", { yes: true, no: false, nothing: null }],
  ["empty and odd strings", { empty: "", nul: "a\u0000b", newline: "line\nline", quote: "\"'\\" }],
  ["multi-byte strings", { accents: "Zoë Ångström", cjk: "学校データ同期", emoji: "🏫📚👩‍🏫", rtl: "مدرسة" }],
  ["a long string (past protobufjs's short-string path)", { long: "x".repeat(20_000) + "é".repeat(5_000) }],
  ["empty containers", { list: [], object: {}, nested: [[], {}, [[]]] }],
  ["a list of every kind", { mixed: [1, "a", null, true, false, { x: [{}] }, [2, [3]], -0.25] }],
  ["thirty levels deep", deep],
  ["a secret as the engine wraps it", { credential: { clientId: "id", clientSecret: SECRET }, secrets: [SECRET, SECRET] }],
  ["the unknown sentinel of a preview", { id: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", outputs: ["04da6b54-80e4-46f7-96ec-b56ff0331ba9"] }],
  ["a flow's outputs", {
    flowId: "9d2a3c1e-0000-4000-8000-000000000001",
    flowSetId: "5b6c7d8e-0000-4000-8000-000000000002",
    displayName: "Students and teachers",
    creationOptions: { "@odata.type": "#microsoft.graph.industryData.userCreationOptions", configurations: [{ roleGroup: { id: "staff" }, defaultPasswordSettings: { "@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", password: SECRET } }] },
    managementOptions: { additionalAttributes: ["userGradeLevel", "userNumber"], additionalOptions: { markAllStudentsAsMinors: true, allowStudentContactAssociation: false } },
    filter: { orgFilters: [{ type: "school", values: ["100", "200"] }], roleGroupId: null },
    createdDateTime: "2026-12-07T12:00:00Z",
    passwordHashes: { staff: "sha256:abc" },
  }],
];

/** google-protobuf's JSON of some bytes, and its bytes of some JSON. */
const protobufJson = (bytes: Uint8Array): Json => structPb.Struct.deserializeBinary(bytes).toJavaScript() as Json;
const protobufBytes = (value: Json): Uint8Array => structPb.Struct.fromJavaScript(value as Record<string, structPb.JavaScriptValue>).serializeBinary();

describe("structWire decodes and encodes a Struct as google-protobuf does", () => {
  test.each(values)("%s: the same JSON from the same bytes, keys in the same order", (_name, value) => {
    const bytes = protobufBytes(value);
    const ours = decodeStruct(bytes);
    expect(ours).toEqual(protobufJson(bytes));
    // toEqual ignores key order and tells -0 from 0 only with Object.is: the text compares both.
    expect(JSON.stringify(ours)).toBe(JSON.stringify(protobufJson(bytes)));
    expect(Object.is((ours as { zero?: unknown; negativeZero?: unknown }).negativeZero, (protobufJson(bytes) as { negativeZero?: unknown }).negativeZero)).toBe(true);
  });

  // NaN's payload bits are the one difference: google-protobuf writes all ones, protobufjs the canonical quiet NaN.
  const byteCases = values.map(([name, value]): [string, Json] => (name === "non-finite numbers" ? ["infinities", { inf: Infinity, negInf: -Infinity }] : [name, value]));
  test.each(byteCases)("%s: the same bytes from the same JSON", (_name, value) => {
    expect(Buffer.from(encodeStruct(value)).equals(Buffer.from(protobufBytes(value)))).toBe(true);
  });

  test("NaN goes out as a NaN double, which google-protobuf reads back as NaN", () => {
    expect(protobufJson(encodeStruct({ n: Number.NaN })).n).toBeNaN();
  });

  test("a key repeated on the wire: the last one wins, as in google-protobuf's map", () => {
    const bytes = Buffer.concat([protobufBytes({ a: 1, b: "first" }), protobufBytes({ b: "second" })]);
    expect(decodeStruct(bytes)).toEqual({ a: 1, b: "second" });
    expect(decodeStruct(bytes)).toEqual(protobufJson(bytes));
  });

  test("fields the Struct does not have are skipped, as google-protobuf skips them", () => {
    // Field 15 (varint 7) and field 16 (a string) before and after the map's entries.
    const unknown = Buffer.from([0x78, 0x07, 0x82, 0x01, 0x02, 0x68, 0x69]);
    const bytes = Buffer.concat([unknown, protobufBytes({ kept: [1, { x: true }] }), unknown]);
    expect(decodeStruct(bytes)).toEqual({ kept: [1, { x: true }] });
    expect(decodeStruct(bytes)).toEqual(protobufJson(bytes));
  });

  test("a value with no kind is refused, as google-protobuf refuses it", () => {
    // One entry: key "a", value an empty Value message.
    const bytes = Buffer.from([0x0a, 0x05, 0x0a, 0x01, 0x61, 0x12, 0x00]);
    expect(() => protobufJson(bytes)).toThrow("Unexpected struct type");
    expect(() => decodeStruct(bytes)).toThrow("Unexpected struct type");
  });

  test("what JSON has no value for is refused, as google-protobuf refuses it", () => {
    for (const bad of [{ a: undefined }, { a: () => 1 }, { a: [1n] }]) {
      expect(() => protobufBytes(bad as Json)).toThrow("Unexpected struct type.");
      expect(() => encodeStruct(bad as Json)).toThrow("Unexpected struct type.");
    }
  });

  test("a __proto__ key stays an own key and never becomes the prototype (google-protobuf would set it)", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Json;
    const decoded = decodeStruct(encodeStruct(value));
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(["__proto__", "a"]);
    expect((decoded as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("takeStructFields and appendStructFields split and join a message's Struct fields", () => {
  test("the rest of the message is left byte for byte; absent fields stay absent", () => {
    const request = new providerPb.ReadRequest().setId("id-1").setUrn("urn:pulumi:dev::p::t::n").setType("industrydata:index:ReadRequest");
    request.setProperties(structPb.Struct.fromJavaScript({ displayName: "x" }));
    const { rest, structs } = takeStructFields(request.serializeBinary(), new Set([3, 4]));
    expect([...structs.keys()]).toEqual([3]);
    expect(structs.get(3)).toEqual({ displayName: "x" });
    const without = providerPb.ReadRequest.deserializeBinary(rest);
    expect(without.getProperties()).toBeUndefined();
    expect([without.getId(), without.getUrn(), without.getType()]).toEqual([request.getId(), request.getUrn(), request.getType()]);
  });

  test("a Struct field repeated on the wire: the last one counts, as in the generated class", () => {
    const part = (value: Json): Uint8Array => new providerPb.ReadRequest().setProperties(structPb.Struct.fromJavaScript(value as Record<string, structPb.JavaScriptValue>)).serializeBinary();
    const bytes = Buffer.concat([part({ a: 1, b: "first" }), new providerPb.ReadRequest().setId("id-4").serializeBinary(), part({ b: "second", c: [true] })]);
    const { rest, structs } = takeStructFields(bytes, new Set([3]));
    expect(structs.get(3)).toEqual(providerPb.ReadRequest.deserializeBinary(bytes).getProperties()?.toJavaScript());
    expect(structs.get(3)).toEqual({ b: "second", c: [true] });
    expect(providerPb.ReadRequest.deserializeBinary(rest).getId()).toBe("id-4");
  });

  test("a message with none of the fields is returned as it was", () => {
    const bytes = new providerPb.ReadRequest().setId("id-2").serializeBinary();
    expect(takeStructFields(bytes, new Set([3, 4])).rest).toBe(bytes);
  });

  test("appended fields read back through the generated class", () => {
    const bytes = appendStructFields(new providerPb.ReadResponse().setId("id-3").serializeBinary(), [[2, { a: [1] }], [3, { b: SECRET }]]);
    const response = providerPb.ReadResponse.deserializeBinary(bytes);
    expect(response.getId()).toBe("id-3");
    expect(response.getProperties()?.toJavaScript()).toEqual({ a: [1] });
    expect(response.getInputs()?.toJavaScript()).toEqual({ b: SECRET });
  });
});

/** The generated message classes of each call, and how to set a Struct field on them by name. */
const messageClasses = {
  check: [providerPb.CheckRequest, providerPb.CheckResponse],
  diff: [providerPb.DiffRequest, providerPb.DiffResponse],
  create: [providerPb.CreateRequest, providerPb.CreateResponse],
  read: [providerPb.ReadRequest, providerPb.ReadResponse],
  update: [providerPb.UpdateRequest, providerPb.UpdateResponse],
  delete: [providerPb.DeleteRequest, null],
} as const;

type Message = { serializeBinary(): Uint8Array } & Record<string, unknown>;
const setter = (name: string): string => `set${name[0]!.toUpperCase()}${name.slice(1)}`;
const getter = (name: string): string => `get${name[0]!.toUpperCase()}${name.slice(1)}`;
const definitionOf = (call: string) => resourceProviderService[call]!;
const generatedOf = (call: string) => (providerGrpc.ResourceProviderService as unknown as Record<string, typeof resourceProviderService[string]>)[call]!;

describe("the plugin's service definition: every Struct field of the resource calls, by the generated classes' numbers", () => {
  const calls = Object.keys(structFields) as (keyof typeof structFields)[];

  test("the calls with Struct fields are the generated service's, with the same paths", () => {
    expect(calls.sort()).toEqual(Object.keys(messageClasses).sort());
    for (const call of calls) expect(definitionOf(call).path).toBe(generatedOf(call).path);
  });

  test.each(calls)("%s: each request Struct is read by its name, and the other fields are the generated message's", (call) => {
    const [RequestClass] = messageClasses[call];
    const request = new (RequestClass as unknown as new () => Message)();
    (request.setUrn as (urn: string) => void).call(request, "urn:pulumi:dev::p::industrydata:index:X::n");
    const names = Object.keys(structFields[call].request);
    names.forEach((name, i) => (request[setter(name)] as (s: structPb.Struct) => void).call(request, structPb.Struct.fromJavaScript({ which: name, i, secret: SECRET })));
    const decoded = definitionOf(call).requestDeserialize(Buffer.from(request.serializeBinary())) as Message;
    expect((decoded.getUrn as () => string).call(decoded)).toBe("urn:pulumi:dev::p::industrydata:index:X::n");
    names.forEach((name, i) => {
      expect(requestStruct(call, decoded, name as never)).toEqual({ which: name, i, secret: SECRET });
      // Taken out of the generated message: google-protobuf never built it.
      expect((decoded[getter(name)] as () => unknown).call(decoded)).toBeUndefined();
    });
  });

  test.each(calls)("%s: a request decoded by Pulumi's own definition reads the same through requestStruct", (call) => {
    const [RequestClass] = messageClasses[call];
    const request = new (RequestClass as unknown as new () => Message)();
    const names = Object.keys(structFields[call].request);
    for (const name of names) (request[setter(name)] as (s: structPb.Struct) => void).call(request, structPb.Struct.fromJavaScript({ which: name }));
    const decoded = generatedOf(call).requestDeserialize(Buffer.from(request.serializeBinary())) as Message;
    for (const name of names) expect(requestStruct(call, decoded, name as never)).toEqual({ which: name });
  });

  test.each(calls.filter((call) => Object.keys(structFields[call].response).length > 0))(
    "%s: each response Struct given to withStructs is the generated class's field of that name",
    (call) => {
      const ResponseClass = messageClasses[call][1]!;
      const names = Object.keys(structFields[call].response);
      const response = withStructs(call, new (ResponseClass as unknown as new () => Message)(), Object.fromEntries(names.map((name) => [name, { which: name, secret: SECRET }])) as never);
      const bytes = definitionOf(call).responseSerialize(response);
      const read = generatedOf(call).responseDeserialize(bytes) as Message;
      for (const name of names) expect((read[getter(name)] as () => structPb.Struct).call(read).toJavaScript()).toEqual({ which: name, secret: SECRET });
    },
  );

  test("a request without a Struct the engine may omit reads as absent (Diff's oldInputs before the engine stored inputs)", () => {
    const decoded = definitionOf("diff").requestDeserialize(Buffer.from(new providerPb.DiffRequest().setId("x").serializeBinary())) as Message;
    expect(requestStruct("diff", decoded, "oldInputs")).toBeUndefined();
  });
});
