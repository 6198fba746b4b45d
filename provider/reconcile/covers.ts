import { childPath, descriptors, isPlainObject, pulumiUnknownValue } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { isAnnotation } from "./json";

/**
 * True when the server value holds everything declared (managed = declared: undeclared keys are not
 * compared). Normalization: annotations ignored; enums and reference codes case-insensitive; set-like
 * collections order-free; keyed collections matched by key; write-only values never compared (the server
 * only returns a mask, or nothing), nor values Graph did not return (a user-matching setting's roleGroupId:
 * compared with the last declared value elsewhere; compared here when a read returns it, AutoExpand); date-times compared as instants (Graph answers in UTC);
 * an empty collection equals null/absent.
 */
export function covers(kind: ResourceKind, declared: unknown, server: unknown, pattern: string): boolean {
  return coversWith(descriptors[kind], declared, server, pattern);
}

function coversWith(d: TypeDescriptor, declared: unknown, server: unknown, pattern: string): boolean {
  if (declared === undefined) return true;
  // Masked password: Graph returns "***************" whatever was set; its hash is compared elsewhere.
  if (d.writeOnly.includes(pattern)) return true;
  // A value Graph does not return (a user-matching setting's roleGroupId) is compared with the last declared one
  // elsewhere; when a read did return it (AutoExpand), it is compared here like any value.
  if (d.unreadable.includes(pattern) && (server === undefined || server === null)) return true;
  // A value Pulumi does not know yet (preview) may change anything.
  if (declared === pulumiUnknownValue) return false;
  if (Array.isArray(declared)) return coversArray(d, declared, server, pattern);
  if (declared === null) return server === null || server === undefined || (Array.isArray(server) && server.length === 0);
  if (isPlainObject(declared)) {
    if (!isPlainObject(server)) return false;
    return Object.entries(declared).every(
      ([key, sub]) => isAnnotation(key) || coversWith(d, sub, server[key], childPath(pattern, key)),
    );
  }
  if (typeof declared === "string" && typeof server === "string" && d.caseInsensitive.includes(pattern)) {
    return declared.toLowerCase() === server.toLowerCase();
  }
  // Quirk (UTC normalization): an effectiveDateTime sent with +05:30 comes back as the same instant in Z.
  if (typeof declared === "string" && typeof server === "string" && d.instants.includes(pattern)) {
    return declared === server || sameInstant(declared, server);
  }
  return declared === server;
}

function coversArray(d: TypeDescriptor, declared: unknown[], server: unknown, pattern: string): boolean {
  const serverList = server === null || server === undefined ? [] : server;
  if (!Array.isArray(serverList) || serverList.length !== declared.length) return false;
  const element = `${pattern}[]`;
  const key = d.keyedCollections[pattern];
  if (key !== undefined) {
    return declared.every((item) => {
      const twin = findByKey(serverList, key, isPlainObject(item) ? item[key] : undefined);
      return twin !== undefined && coversWith(d, item, twin, element);
    });
  }
  if (d.setLike.includes(pattern)) {
    // Each declared element must cover a distinct server element, in any order.
    const unused = [...serverList];
    return declared.every((item) => {
      const index = unused.findIndex((candidate) => coversWith(d, item, candidate, element));
      if (index < 0) return false;
      unused.splice(index, 1);
      return true;
    });
  }
  return declared.every((item, i) => coversWith(d, item, serverList[i], element));
}

/** The element of a keyed collection whose key equals `id` (keys compare case-insensitively: they are reference ids). */
export function findByKey(list: unknown[], key: string, id: unknown): Record<string, unknown> | undefined {
  if (typeof id !== "string") return undefined;
  const match = list.find(
    (candidate) => isPlainObject(candidate) && typeof candidate[key] === "string" && (candidate[key] as string).toLowerCase() === id.toLowerCase(),
  );
  return match as Record<string, unknown> | undefined;
}

function sameInstant(a: string, b: string): boolean {
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(x) && x === y;
}
