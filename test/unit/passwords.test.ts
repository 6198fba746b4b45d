/**
 * Write-only passwords: Graph reads them back masked ("***************"), so the declared value is never
 * compared with what Graph returns; a salted hash of the value last sent lives in the outputs, and a change
 * of the declared value is a change. The plain password never reaches the outputs.
 */
import { createHmac, scryptSync } from "node:crypto";
import { buildPatchBody, diffResource, hashPassword, passwordChanged, passwordMatches, toOutputs } from "../../provider/reconcile";
import { validateInputs } from "../../provider/schema";
import { TEST_PASSWORDS } from "../support/testSecrets";

type Json = Record<string, unknown>;
const graphEndpoint = "https://graph.microsoft.com/beta";
const mask = "***************";
const secret = TEST_PASSWORDS.unitPlain;

function declare(passwords: { staff?: string; students?: string }): Json {
  const configurations = Object.entries(passwords).map(([roleGroupId, password]) => ({
    roleGroupId,
    licenseSkus: ["Sku1"],
    defaultPasswordSettings: { password },
  }));
  const { inputs, failures } = validateInputs("user", {
    flowSetId: "set",
    managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
    creationOptions: { configurations },
  });
  expect(failures).toEqual([]);
  return inputs;
}

/** What Graph returns for the declared configurations: same values, passwords masked, roleGroup expanded. */
function served(declared: Json): Json {
  const configurations = ((declared.creationOptions as Json).configurations as Json[]).map((c) => ({
    roleGroup: { id: c.roleGroupId, displayName: String(c.roleGroupId), roles: [] },
    licenseSkus: c.licenseSkus,
    defaultPasswordSettings: { "@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", password: mask },
  }));
  return {
    "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
    id: "flow",
    readinessStatus: "notReady",
    managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
    creationOptions: { configurations },
  };
}

describe("masked password", () => {
  const declared = declare({ staff: secret, students: TEST_PASSWORDS.unitOther });
  const created = toOutputs("user", served(declared), declared);

  it("never drifts against Graph's mask once the declared value has been sent", () => {
    expect(diffResource("user", declared, created).changes).toBe(false);
    expect(buildPatchBody("user", declared, created, { graphEndpoint, olds: created })).toBeUndefined();
  });

  it("never drifts after a refresh (read keeps the hashes of the last apply)", () => {
    const refreshed = toOutputs("user", served(declared), undefined, { olds: created });
    expect(refreshed.passwordHashes).toEqual(created.passwordHashes);
    expect(diffResource("user", declared, refreshed).changes).toBe(false);
  });

  it("is a change when the declared password changes, and the new password is sent", () => {
    const changed = declare({ staff: TEST_PASSWORDS.unitRotated, students: TEST_PASSWORDS.unitOther });
    const diff = diffResource("user", changed, created);
    expect(diff).toMatchObject({ changes: true, changedProperties: ["creationOptions"], replaces: [] });
    const body = buildPatchBody("user", changed, created, { graphEndpoint, olds: created }) as Json;
    const sent = ((body.creationOptions as Json).configurations as Json[]).map((c) => (c.defaultPasswordSettings as Json).password);
    expect(sent).toEqual([TEST_PASSWORDS.unitRotated, TEST_PASSWORDS.unitOther]);
  });

  it("is a change when a password is declared for the first time (no hash in the state yet)", () => {
    const withoutHashes = toOutputs("user", served(declared), undefined, { olds: { flowSetId: "set" } });
    expect(withoutHashes).not.toHaveProperty("passwordHashes");
    expect(passwordChanged(declared, withoutHashes, "user")).toBe(true);
    expect(diffResource("user", declared, withoutHashes).changedProperties).toEqual(["creationOptions"]);
  });

  it("settles after the changed password is applied", () => {
    const changed = declare({ staff: TEST_PASSWORDS.unitRotated, students: TEST_PASSWORDS.unitOther });
    const applied = toOutputs("user", served(changed), changed, { olds: created });
    expect(diffResource("user", changed, applied).changes).toBe(false);
  });

  it("keeps the plain password out of the outputs (only the mask and salted hashes)", () => {
    const text = JSON.stringify(created);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(TEST_PASSWORDS.unitOther);
    expect(text).toContain(mask);
    expect(Object.keys(created.passwordHashes as Json).sort()).toEqual(["staff", "students"]);
  });

  it("salts per resource: the same password hashes differently in two resources, and the salt is kept across updates", () => {
    const other = toOutputs("user", served(declared), declared);
    expect(other.passwordSalt).not.toEqual(created.passwordSalt);
    expect((other.passwordHashes as Json).staff).not.toEqual((created.passwordHashes as Json).staff);
    const updated = toOutputs("user", served(declared), declared, { olds: created });
    expect(updated.passwordSalt).toEqual(created.passwordSalt);
    expect(updated.passwordHashes).toEqual(created.passwordHashes);
  });

  it("hashes the same password apart for two role groups of one resource", () => {
    const same = declare({ staff: secret, students: secret });
    const outputs = toOutputs("user", served(same), same);
    const hashes = outputs.passwordHashes as Json;
    expect(hashes.staff).not.toEqual(hashes.students);
    expect(hashes.staff).toEqual(hashPassword({ salt: String(outputs.passwordSalt), roleGroupId: "Staff", password: secret }));
  });

  it("drops the hashes once no password is declared any more", () => {
    const none = declare({});
    const outputs = toOutputs("user", served(declare({ staff: secret })), none, { olds: created });
    expect(outputs).not.toHaveProperty("passwordHashes");
  });
});

describe("password hash", () => {
  const salt = "c2FsdC1vZi1vbmUtcmVzb3VyY2U";
  /** A state as the provider wrote it: salt plus, per role group, the hash of the password last sent. */
  const olds = (hashes: Json): Json => ({ flowSetId: "set", passwordSalt: salt, passwordHashes: hashes });

  it("is an HMAC-SHA-256 keyed with the resource's salt and the role group, never the plain text", () => {
    const expected = createHmac("sha256", `${salt}:staff`).update(secret).digest("base64url");
    expect(hashPassword({ salt, roleGroupId: "Staff", password: secret })).toBe(`hmac-sha256:${expected}`);
    expect(hashPassword({ salt, roleGroupId: "Staff", password: secret })).not.toContain(secret);
  });

  it.each([
    { name: "the same password is no change", declaredPassword: secret, changed: false },
    { name: "a changed password is a change", declaredPassword: TEST_PASSWORDS.unitRotated, changed: true },
    { name: "a password differing only in case is a change", declaredPassword: secret.toLowerCase(), changed: true },
  ])("$name", ({ declaredPassword, changed }) => {
    const stored = olds({ staff: hashPassword({ salt, roleGroupId: "staff", password: secret }) });
    expect(passwordChanged(declare({ staff: declaredPassword }), stored, "user")).toBe(changed);
  });

  it("differs between two salts for the same role group and password", () => {
    const a = hashPassword({ salt, roleGroupId: "staff", password: secret });
    const b = hashPassword({ salt: "YW5vdGhlci1yZXNvdXJjZQ", roleGroupId: "staff", password: secret });
    expect(a).not.toEqual(b);
    expect(passwordMatches({ salt: "YW5vdGhlci1yZXNvdXJjZQ", roleGroupId: "staff", password: secret, stored: a })).toBe(false);
  });

  it("rejects a stored hash of another length or format without throwing", () => {
    for (const stored of ["", "hmac-sha256:", "hmac-sha256:short", `md5:${secret}`, secret]) {
      expect(passwordMatches({ salt, roleGroupId: "staff", password: secret, stored })).toBe(false);
    }
  });

  describe("old scrypt-format hashes in existing state", () => {
    // What the provider wrote before the switch to HMAC: scrypt (Node's default cost), same salt and role-group mixing.
    const legacy = (password: string) => `scrypt:${scryptSync(password, `${salt}:staff`, 32).toString("base64url")}`;

    it("recognises the unchanged password (no diff, no PATCH)", () => {
      const declared = declare({ staff: secret });
      const stored = olds({ staff: legacy(secret) });
      expect(passwordChanged(declared, stored, "user")).toBe(false);
      const lastRead = toOutputs("user", served(declared), undefined, { olds: stored });
      expect(diffResource("user", declared, lastRead).changes).toBe(false);
      expect(buildPatchBody("user", declared, lastRead, { graphEndpoint, olds: lastRead })).toBeUndefined();
    });

    it("still sees a changed password as a change", () => {
      expect(passwordChanged(declare({ staff: TEST_PASSWORDS.unitRotated }), olds({ staff: legacy(secret) }), "user")).toBe(true);
    });

    it("is rewritten in the HMAC format (same salt) at the next update", () => {
      const declared = declare({ staff: secret });
      const updated = toOutputs("user", served(declared), declared, { olds: olds({ staff: legacy(secret) }) });
      expect(updated.passwordSalt).toBe(salt);
      expect(updated.passwordHashes).toEqual({ staff: hashPassword({ salt, roleGroupId: "staff", password: secret }) });
      expect(passwordChanged(declared, updated, "user")).toBe(false);
    });
  });
});
