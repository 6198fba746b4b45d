/**
 * The resource calls' property maps (`google.protobuf.Struct` fields) straight between wire bytes and plain
 * JSON. google-protobuf builds a message object per value (and a map object per Struct), then walks that tree
 * again to make JSON (`toJavaScript`), and the other way for answers (`fromJavaScript`, then serialize): in the
 * profile of a 125-resource drift check that was 15% of the plugin's CPU, more than the reconcile and the
 * operations together. The wire work itself (varints, doubles, UTF-8, nested lengths) is protobufjs's Reader
 * and Writer (already installed with gRPC's proto-loader); what is ours is only the Struct's meaning, exactly as
 * google-protobuf gives it: keys sorted (as its map iterates and serializes them), the last of repeated keys
 * wins, a Value of no kind is an error. `test/plugin/structWire.test.ts` holds the two to the same JSON and the
 * same bytes.
 *
 * Only the Struct fields are taken out of a message: the rest still goes through the generated classes, so a
 * field Pulumi adds to a request keeps working.
 */
import { Reader, Writer } from "protobufjs/minimal";
import type { JsonObject } from "../reconcile";

/** Wire types (protobuf encoding). */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

/** google.protobuf.Value's fields. */
const NULL_VALUE = 1;
const NUMBER_VALUE = 2;
const STRING_VALUE = 3;
const BOOL_VALUE = 4;
const STRUCT_VALUE = 5;
const LIST_VALUE = 6;

/** The Struct's map field (`fields`), a ListValue's `values`, a map entry's key and value. */
const FIELDS = 1;
const VALUES = 1;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;

function tag(field: number, wireType: number): number {
  return (field << 3) | wireType;
}

// ---- decoding ---------------------------------------------------------------------------------------------------

/** A Struct's bytes as plain JSON. */
export function decodeStruct(bytes: Uint8Array): JsonObject {
  const reader = Reader.create(bytes);
  return readStruct(reader, bytes.length);
}

function readStruct(reader: Reader, end: number): JsonObject {
  const entries = new Map<string, unknown>();
  while (reader.pos < end) {
    const t = reader.uint32();
    if (t === tag(FIELDS, LENGTH_DELIMITED)) {
      const entryEnd = reader.uint32() + reader.pos;
      let key = "";
      let value: unknown;
      while (reader.pos < entryEnd) {
        const et = reader.uint32();
        if (et === tag(ENTRY_KEY, LENGTH_DELIMITED)) key = reader.string();
        else if (et === tag(ENTRY_VALUE, LENGTH_DELIMITED)) value = readValue(reader, reader.uint32() + reader.pos);
        else reader.skipType(et & 7);
      }
      // google-protobuf refuses an entry without a value the same way (a Value of no kind).
      if (value === undefined) throw new Error("Unexpected struct type");
      entries.set(key, value);
    } else reader.skipType(t & 7);
  }
  // As google-protobuf's map: iterated in sorted key order; `__proto__` as an own key, never the prototype.
  const result: JsonObject = {};
  for (const key of [...entries.keys()].sort()) {
    if (key === "__proto__") Object.defineProperty(result, key, { value: entries.get(key), enumerable: true, writable: true, configurable: true });
    else result[key] = entries.get(key)!;
  }
  return result;
}

function readValue(reader: Reader, end: number): unknown {
  // A oneof: the last kind on the wire is the one that counts.
  let value: unknown;
  while (reader.pos < end) {
    const t = reader.uint32();
    switch (t) {
      case tag(NULL_VALUE, VARINT):
        reader.int32();
        value = null;
        break;
      case tag(NUMBER_VALUE, FIXED64):
        value = reader.double();
        break;
      case tag(STRING_VALUE, LENGTH_DELIMITED):
        value = reader.string();
        break;
      case tag(BOOL_VALUE, VARINT):
        value = reader.bool();
        break;
      case tag(STRUCT_VALUE, LENGTH_DELIMITED):
        value = readStruct(reader, reader.uint32() + reader.pos);
        break;
      case tag(LIST_VALUE, LENGTH_DELIMITED):
        value = readList(reader, reader.uint32() + reader.pos);
        break;
      default:
        reader.skipType(t & 7);
    }
  }
  if (value === undefined) throw new Error("Unexpected struct type");
  return value;
}

function readList(reader: Reader, end: number): unknown[] {
  const list: unknown[] = [];
  while (reader.pos < end) {
    const t = reader.uint32();
    if (t === tag(VALUES, LENGTH_DELIMITED)) list.push(readValue(reader, reader.uint32() + reader.pos));
    else reader.skipType(t & 7);
  }
  return list;
}

// ---- encoding ---------------------------------------------------------------------------------------------------

/** Plain JSON as a Struct's bytes (what google-protobuf's `Struct.fromJavaScript(value).serializeBinary()` gives). */
export function encodeStruct(value: JsonObject): Uint8Array {
  const writer = Writer.create();
  writeStructFields(writer, value);
  return writer.finish();
}

function writeStructFields(writer: Writer, object: JsonObject): void {
  // google-protobuf takes every enumerable key (`for…in`) and writes them sorted.
  const keys: string[] = [];
  for (const key in object) keys.push(key);
  keys.sort();
  for (const key of keys) {
    writer.uint32(tag(FIELDS, LENGTH_DELIMITED)).fork();
    writer.uint32(tag(ENTRY_KEY, LENGTH_DELIMITED)).string(key);
    writer.uint32(tag(ENTRY_VALUE, LENGTH_DELIMITED)).fork();
    writeValueFields(writer, object[key]);
    writer.ldelim().ldelim();
  }
}

function writeValueFields(writer: Writer, value: unknown): void {
  if (value === null) writer.uint32(tag(NULL_VALUE, VARINT)).int32(0);
  else if (typeof value === "number") writer.uint32(tag(NUMBER_VALUE, FIXED64)).double(value);
  else if (typeof value === "string") writer.uint32(tag(STRING_VALUE, LENGTH_DELIMITED)).string(value);
  else if (typeof value === "boolean") writer.uint32(tag(BOOL_VALUE, VARINT)).bool(value);
  else if (Array.isArray(value)) {
    writer.uint32(tag(LIST_VALUE, LENGTH_DELIMITED)).fork();
    for (const item of value) {
      writer.uint32(tag(VALUES, LENGTH_DELIMITED)).fork();
      writeValueFields(writer, item);
      writer.ldelim();
    }
    writer.ldelim();
  } else if (typeof value === "object") {
    writer.uint32(tag(STRUCT_VALUE, LENGTH_DELIMITED)).fork();
    writeStructFields(writer, value as JsonObject);
    writer.ldelim();
  }
  // google-protobuf's own error for what JSON has no value for (undefined, a function, a bigint, a symbol).
  else throw new Error("Unexpected struct type.");
}

// ---- messages ---------------------------------------------------------------------------------------------------

/** A message's bytes without the Struct fields named, and those fields as JSON (by field number; absent ones absent). */
export function takeStructFields(bytes: Uint8Array, fields: ReadonlySet<number>): { rest: Uint8Array; structs: Map<number, JsonObject> } {
  const reader = Reader.create(bytes);
  const taken = new Map<number, Uint8Array>();
  const kept: Uint8Array[] = [];
  let keptFrom = 0;
  while (reader.pos < bytes.length) {
    const start = reader.pos;
    const t = reader.uint32();
    if ((t & 7) === LENGTH_DELIMITED && fields.has(t >>> 3)) {
      if (start > keptFrom) kept.push(bytes.subarray(keptFrom, start));
      const length = reader.uint32();
      // Repeated on the wire, the last one counts, as in the generated classes (which replace, not merge).
      taken.set(t >>> 3, bytes.subarray(reader.pos, reader.pos + length));
      reader.skip(length);
      keptFrom = reader.pos;
    } else reader.skipType(t & 7);
  }
  const structs = new Map([...taken].map(([field, struct]) => [field, decodeStruct(struct)] as const));
  if (keptFrom === 0) return { rest: bytes, structs };
  if (keptFrom < bytes.length) kept.push(bytes.subarray(keptFrom));
  return { rest: Buffer.concat(kept), structs };
}

/** A message's bytes with these Struct fields appended (a message's fields may come in any order). */
export function appendStructFields(bytes: Uint8Array, fields: Iterable<[number, JsonObject]>): Buffer {
  const writer = Writer.create();
  for (const [field, value] of fields) {
    writer.uint32(tag(field, LENGTH_DELIMITED)).fork();
    writeStructFields(writer, value);
    writer.ldelim();
  }
  return Buffer.concat([bytes, writer.finish()]);
}
