/**
 * The dynamic resources' carriage of write-only values (provider/dynamic/liftSecrets.ts): lifted out of the
 * Graph-shaped property into a secret input, laid back before validation and reconcile see the inputs, and a
 * revision marker in the value's place so a plan names a rotation without showing the value.
 */
import { descriptors, pulumiUnknownValue, resourceKinds } from "../../provider/schema";
import { layBackSecrets, liftSecrets, secretMarker } from "../../provider/dynamic/liftSecrets";
import { TEST_PASSWORDS } from "../support/testSecrets";

const first = TEST_PASSWORDS.unitPlain;
const second = TEST_PASSWORDS.unitOther;
const rotated = TEST_PASSWORDS.unitRotated;

/** User-flow inputs in Graph's shape: staff without a password, students (and optionally staff) with one. */
function declared(passwords: { students?: string; staff?: string }): Record<string, unknown> {
  const configuration = (roleGroupId: string, password?: string) => ({
    roleGroupId,
    licenseSkus: ["Sku1"],
    ...(password === undefined ? {} : { defaultPasswordSettings: { password } }),
  });
  return {
    flowSetId: "set-1",
    creationOptions: { configurations: [configuration("staff", passwords.staff), configuration("students", passwords.students)] },
  };
}

type Configurations = { configurations: { roleGroupId: string; defaultPasswordSettings?: { password?: string } }[] };
const placeOf = (inputs: Record<string, unknown>, i: number) => (inputs.creationOptions as Configurations).configurations[i].defaultPasswordSettings;

describe("liftSecrets: only the secret leaves the Graph-shaped property", () => {
  test.each([
    ["one role group with a password", { students: first }, { students: first }],
    ["two role groups with their own passwords", { staff: second, students: first }, { staff: second, students: first }],
    ["no password at all", {}, undefined],
  ] as [string, { students?: string; staff?: string }, unknown][])("%s: the passwords move to defaultPasswords by role group, the rest stays in place", (_case, passwords, expected) => {
    const lifted = liftSecrets("user", declared(passwords));
    expect(lifted.defaultPasswords).toEqual(expected);
    expect(JSON.stringify(lifted.creationOptions)).not.toContain(first);
    expect(JSON.stringify(lifted.creationOptions)).not.toContain(second);
    // Presence stays visible: the settings object is kept, empty.
    if (passwords.students !== undefined) expect(placeOf(lifted, 1)).toEqual({});
    expect(layBackSecrets("user", lifted)).toEqual(declared(passwords));
  });

  test("kinds without write-only values pass through untouched (same object)", () => {
    const inputs = { displayName: "x", filter: { attribute: "orgExternalId", in: ["a"] } };
    expect(liftSecrets("flowSet", inputs)).toBe(inputs);
    expect(layBackSecrets("flowSet", inputs)).toBe(inputs);
  });

  test("a value whose key is missing is still lifted (keyed by position), never left in the plain property", () => {
    const inputs = { creationOptions: { configurations: [{ defaultPasswordSettings: { password: first } }] } };
    const lifted = liftSecrets("user", inputs);
    expect(lifted.defaultPasswords).toEqual({ "[0]": first });
    expect(layBackSecrets("user", lifted)).toEqual(inputs);
  });
});

describe("revision markers: a rotation is a named, plain change; the same value keeps its marker", () => {
  test.each([
    ["first declared (no previous inputs)", undefined, { students: first }, 1],
    ["unchanged", { students: first }, { students: first }, 1],
    ["rotated", { students: first }, { students: rotated }, 2],
  ])("%s", (_case, before, after, revision) => {
    const previous = before === undefined ? {} : liftSecrets("user", declared(before), { previous: {} });
    const stored = liftSecrets("user", declared(after), { previous });
    expect(placeOf(stored, 1)).toEqual({ password: secretMarker(revision) });
    expect(layBackSecrets("user", stored)).toEqual(declared(after));
  });

  test("a role-group id whose case changed only: same password, same revision", () => {
    const previous = liftSecrets("user", declared({ students: first }), { previous: {} });
    const recased = declared({ students: first });
    (recased.creationOptions as Configurations).configurations[1].roleGroupId = "Students";
    const stored = liftSecrets("user", recased, { previous });
    expect(stored.defaultPasswords).toEqual({ Students: first });
    expect(placeOf(stored, 1)).toEqual({ password: secretMarker(1) });
  });

  test("the revision keeps counting across rotations and stays put when nothing changes", () => {
    let stored = liftSecrets("user", declared({ students: first }), { previous: {} });
    for (const [password, revision] of [[rotated, 2], [rotated, 2], [first, 3]] as const) {
      stored = liftSecrets("user", declared({ students: password }), { previous: stored });
      expect(placeOf(stored, 1)).toEqual({ password: secretMarker(revision) });
    }
  });

  test("state written before values were lifted (password in place): the same password is revision 1, no change", () => {
    const olderState = declared({ students: first });
    expect(placeOf(liftSecrets("user", declared({ students: first }), { previous: olderState }), 1)).toEqual({ password: secretMarker(1) });
    expect(placeOf(liftSecrets("user", declared({ students: rotated }), { previous: olderState }), 1)).toEqual({ password: secretMarker(2) });
    // Such inputs are laid back as they are: the password is already in place.
    expect(layBackSecrets("user", olderState)).toEqual(olderState);
  });

  test("a marker is never a password: laid back without its secret input it is removed, not sent", () => {
    const stored = liftSecrets("user", declared({ students: first }), { previous: {} });
    const { defaultPasswords: _dropped, ...withoutSecret } = stored;
    expect(placeOf(layBackSecrets("user", withoutSecret), 1)).toEqual({});
  });

  test("a password not known yet (preview) is laid into every place that held one", () => {
    const stored = liftSecrets("user", declared({ students: first }), { previous: {} });
    expect(placeOf(layBackSecrets("user", { ...stored, defaultPasswords: pulumiUnknownValue }), 1)).toEqual({ password: pulumiUnknownValue });
  });
});

describe("descriptor-driven: a single write-only value (no key) needs only its descriptor entry", () => {
  // As a connector's credential.clientSecret would be declared: one value, carried as the value itself.
  const single = { "filter.secretCode": { input: "secretCode" } };

  test("lifted as the value itself, with a marker in place, and laid back", () => {
    jest.replaceProperty(descriptors.flowSet, "liftedSecrets", single);
    const inputs = { displayName: "x", filter: { attribute: "orgExternalId", secretCode: first } };
    const stored = liftSecrets("flowSet", inputs, { previous: {} });
    expect(stored).toEqual({ displayName: "x", filter: { attribute: "orgExternalId", secretCode: secretMarker(1) }, secretCode: first });
    expect(layBackSecrets("flowSet", stored)).toEqual(inputs);
    const rotatedStored = liftSecrets("flowSet", { ...inputs, filter: { ...inputs.filter, secretCode: rotated } }, { previous: stored });
    expect((rotatedStored.filter as Record<string, unknown>).secretCode).toBe(secretMarker(2));
    jest.restoreAllMocks();
  });
});

describe("every write-only path says how the dynamic resources carry it", () => {
  test.each(resourceKinds.map((kind) => [kind]))("%s: liftedSecrets covers writeOnly exactly, keyed iff in a collection", (kind) => {
    const d = descriptors[kind];
    expect(Object.keys(d.liftedSecrets).sort()).toEqual([...d.writeOnly].sort());
    for (const [path, lifted] of Object.entries(d.liftedSecrets)) {
      expect({ path, keyed: lifted.keyedBy !== undefined }).toEqual({ path, keyed: path.includes("[]") });
      expect(d.properties).not.toContain(lifted.input);
      expect(d.providerFields).not.toContain(lifted.input);
    }
  });
});
