/**
 * Passwords are write-only in Graph: the emulator must know one exists, never needs it back, and so keeps
 * only a salted hash (in memory and in the `--data` file). Reads show Graph's fixed 15-asterisk mask.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Graph's mask for a stored password, whatever its length (reference §4.1). */
export const PASSWORD_MASK = "***************";

/** `hmac-sha256$<salt>$<digest>`: fast enough for a thousand flows, never reversible. */
export function hashPassword(password: string): string {
  const salt = randomBytes(12).toString("base64url");
  return `hmac-sha256$${salt}$${createHmac("sha256", salt).update(password).digest("base64url")}`;
}

/** True when `password` is the one `hash` was made from (for tests and tools, not used by the API). */
export function passwordMatches(hash: string, password: string): boolean {
  const [scheme, salt, digest] = hash.split("$");
  if (scheme !== "hmac-sha256" || !salt || !digest) return false;
  const actual = Buffer.from(createHmac("sha256", salt).update(password).digest("base64url"));
  const expected = Buffer.from(digest);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
