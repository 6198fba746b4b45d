/**
 * Write-only secrets (the descriptor's `writeOnly` paths): Graph returns `simplePasswordSettings.password` as a
 * fixed mask ("***************") and a connector's `credential.clientSecret` not at all, so the declared value
 * can never be compared with what Graph holds. The outputs keep a salted hash of each value last sent (salt:
 * random per resource, kept in the outputs), keyed by its keyed-collection element (a password per role group)
 * or by its path (a single client secret); a declared value whose hash differs is a change. The plain value is
 * never stored.
 *
 * Why HMAC-SHA-256 and not a slow KDF: the hash only detects a change of the declared value. It is a secret
 * output, and Pulumi already stores the declared password itself as a secret input in the same state, so a
 * deliberately slow hash adds no protection against whoever holds the decrypted state, while it ran on the
 * dynamic-provider host's only thread in every diff and update of a user flow (scrypt at default cost:
 * 56-140 ms CPU and 16 MB per call). The per-resource salt keys the HMAC, so equal passwords never hash
 * alike across resources or role groups.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { descriptors, forEachAt } from "../schema";
import type { ResourceKind } from "../schema";
import { isPlainObject } from "./json";
import type { JsonObject } from "./types";

/** Outputs key of the per-resource salt. */
export const passwordSaltKey = "passwordSalt";
/** Outputs key of the hashes, by lower-cased roleGroupId (or by path for a value outside a keyed collection). */
export const passwordHashesKey = "passwordHashes";

const hmacPrefix = "hmac-sha256:";
/** States written before the switch to HMAC hold scrypt hashes; they are still recognised (see passwordMatches). */
const legacyScryptPrefix = "scrypt:";

/** A new random salt (base64url, 16 bytes). */
export function newPasswordSalt(): string {
  return randomBytes(16).toString("base64url");
}

/** Salt and role group together: the role group is mixed in so equal passwords of one resource hash apart. */
function hashKey(options: { salt: string; roleGroupId: string }): string {
  return `${options.salt}:${options.roleGroupId.toLowerCase()}`;
}

/** The salted hash of one role group's password, as kept in the outputs. */
export function hashPassword(options: { salt: string; roleGroupId: string; password: string }): string {
  return `${hmacPrefix}${createHmac("sha256", hashKey(options)).update(options.password, "utf8").digest("base64url")}`;
}

/**
 * True when `stored` is the hash of `password` for this salt and role group, compared in constant time.
 * A hash in the old scrypt format (states written before the switch to HMAC) is verified with scrypt, so
 * upgrading never shows a password change (and never sends a PATCH) for a password nobody changed; it is
 * rewritten in the HMAC format at the flow's next create or update, and until then its diffs cost what
 * they did before.
 */
export function passwordMatches(options: { salt: string; roleGroupId: string; password: string; stored: string }): boolean {
  const { stored, password } = options;
  const expected = stored.startsWith(legacyScryptPrefix)
    ? `${legacyScryptPrefix}${scryptSync(password, hashKey(options), 32).toString("base64url")}`
    : hashPassword(options);
  return sameText(stored, expected);
}

/**
 * The declared write-only values of a resource kind's inputs (its descriptor's `writeOnly` paths, so each kind
 * is judged by its own: no default kind): by lower-cased key of their keyed-collection element (a user flow's
 * passwords by roleGroupId), else by their path (`credential.clientSecret`).
 */
export function declaredPasswords(declared: JsonObject | undefined, kind: ResourceKind): Map<string, string> {
  const out = new Map<string, string>();
  if (declared === undefined) return out;
  const { writeOnly, keyedCollections } = descriptors[kind];
  for (const pattern of writeOnly) {
    const collection = Object.keys(keyedCollections).find((c) => pattern.startsWith(`${c}[].`));
    if (collection === undefined) {
      forEachAt(declared, pattern, (_holder, _key, value) => {
        if (typeof value === "string") out.set(pattern, value);
      });
      continue;
    }
    const keyProperty = keyedCollections[collection];
    const rest = pattern.slice(collection.length + 3);
    forEachAt(declared, collection, (_holder, _key, elements) => {
      if (!Array.isArray(elements)) return;
      for (const element of elements) {
        if (!isPlainObject(element) || typeof element[keyProperty] !== "string") continue;
        forEachAt(element, rest, (_h, _k, value) => {
          if (typeof value === "string") out.set((element[keyProperty] as string).toLowerCase(), value);
        });
      }
    });
  }
  return out;
}

/** The hashes to keep in the outputs for the declared passwords (empty object when none is declared). */
export function passwordHashes(declared: JsonObject | undefined, salt: string, kind: ResourceKind): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [roleGroupId, password] of declaredPasswords(declared, kind)) {
    out[roleGroupId] = hashPassword({ salt, roleGroupId, password });
  }
  return out;
}

/**
 * True when a declared password differs from the one last sent (its hash in `olds`), or when there is
 * no record of it (first declared, or a state written without hashes).
 */
export function passwordChanged(declared: JsonObject, olds: JsonObject | undefined, kind: ResourceKind): boolean {
  const passwords = declaredPasswords(declared, kind);
  if (passwords.size === 0) return false;
  const salt = olds?.[passwordSaltKey];
  const hashes = olds?.[passwordHashesKey];
  if (typeof salt !== "string" || !isPlainObject(hashes)) return true;
  for (const [roleGroupId, password] of passwords) {
    const stored = hashes[roleGroupId];
    if (typeof stored !== "string" || !passwordMatches({ salt, roleGroupId, password, stored })) return true;
  }
  return false;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
