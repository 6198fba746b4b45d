/**
 * Write-only passwords: Graph returns `simplePasswordSettings.password` as a fixed mask ("***************"),
 * so the declared value can never be compared with what Graph holds. The outputs keep, per role group, a
 * salted scrypt hash of the password last sent (salt: random per resource, kept in the outputs); a declared
 * password whose hash differs is a change. The plain password is never stored.
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { isPlainObject } from "./json";
import type { JsonObject } from "./types";

/** Outputs key of the per-resource salt. */
export const passwordSaltKey = "passwordSalt";
/** Outputs key of the hashes, by lower-cased roleGroupId. */
export const passwordHashesKey = "passwordHashes";

/** A new random salt (base64url, 16 bytes). */
export function newPasswordSalt(): string {
  return randomBytes(16).toString("base64url");
}

/** The salted hash of one role group's password; the role group is mixed in so equal passwords hash apart. */
export function hashPassword(options: { salt: string; roleGroupId: string; password: string }): string {
  const salt = `${options.salt}:${options.roleGroupId.toLowerCase()}`;
  return `scrypt:${scryptSync(options.password, salt, 32).toString("base64url")}`;
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
    if (typeof stored !== "string" || !sameText(stored, hashPassword({ salt, roleGroupId, password }))) return true;
  }
  return false;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
