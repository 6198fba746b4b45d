/**
 * Write-only passwords: Graph returns `simplePasswordSettings.password` as a fixed mask ("***************"),
 * so the declared value can never be compared with what Graph holds. The outputs keep, per role group, a
 * salted hash of the password last sent (salt: random per resource, kept in the outputs); a declared
 * password whose hash differs is a change. The plain password is never stored.
 *
 * Why HMAC-SHA-256 and not a slow KDF: the hash only detects a change of the declared value. It is a secret
 * output, and Pulumi already stores the declared password itself as a secret input in the same state, so a
 * deliberately slow hash adds no protection against whoever holds the decrypted state, while it ran on the
 * dynamic-provider host's only thread in every diff and update of a user flow (scrypt at default cost:
 * 56-140 ms CPU and 16 MB per call). The per-resource salt keys the HMAC, so equal passwords never hash
 * alike across resources or role groups.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { isPlainObject } from "./json";
import type { JsonObject } from "./types";

/** Outputs key of the per-resource salt. */
export const passwordSaltKey = "passwordSalt";
/** Outputs key of the hashes, by lower-cased roleGroupId. */
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

/** The declared passwords of a user flow's inputs, by lower-cased roleGroupId. */
export function declaredPasswords(declared: JsonObject | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const creationOptions = declared?.creationOptions;
  const configurations = isPlainObject(creationOptions) ? creationOptions.configurations : undefined;
  if (!Array.isArray(configurations)) return out;
  for (const configuration of configurations) {
    if (!isPlainObject(configuration) || typeof configuration.roleGroupId !== "string") continue;
    const settings = configuration.defaultPasswordSettings;
    if (isPlainObject(settings) && typeof settings.password === "string") {
      out.set(configuration.roleGroupId.toLowerCase(), settings.password);
    }
  }
  return out;
}

/** The hashes to keep in the outputs for the declared passwords (empty object when none is declared). */
export function passwordHashes(declared: JsonObject | undefined, salt: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [roleGroupId, password] of declaredPasswords(declared)) {
    out[roleGroupId] = hashPassword({ salt, roleGroupId, password });
  }
  return out;
}

/**
 * True when a declared password differs from the one last sent (its hash in `olds`), or when there is
 * no record of it (first declared, or a state written without hashes).
 */
export function passwordChanged(declared: JsonObject, olds: JsonObject | undefined): boolean {
  const passwords = declaredPasswords(declared);
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
