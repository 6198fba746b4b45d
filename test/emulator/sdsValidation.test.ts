/**
 * validate on a CSV connector checks what was uploaded (through the Azure SDK, into Azurite) against SDS v2.1:
 * a good set passes; each way of breaking it is reported with its code, file and line.
 */
import { createIn, inboundBodies, startTestEmulator, TestEmulator } from "./helpers";
import { FileSet, freezeClock, goodFileSet, uploadFileSet, validateNow, withFile } from "./sdsFiles";

type Finding = { code: string; target: string; message: string; details: { target: string }[] };
const where = (f: Finding) => [f.code, f.details[0]?.target ?? f.target];

describe("emulator file validation (SDS v2.1)", () => {
  let emu: TestEmulator;
  let connectorId: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    await freezeClock(emu);
    const ss = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    connectorId = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(ss));
  });
  afterAll(() => emu.stop());

  async function validate(set: FileSet) {
    await uploadFileSet(emu, connectorId, set);
    return validateNow(emu, connectorId);
  }

  test("a good file set validates clean, every file recognized", async () => {
    const op = await validate(goodFileSet());
    expect(op).toMatchObject({ status: "succeeded", errors: [], warnings: [] });
    expect(op.validatedFiles).toEqual(["classes.csv", "enrollments.csv", "orgs.csv", "roles.csv", "users.csv"]);
  });

  test("users only (no classes): clean, with classes.csv and enrollments.csv reported as optional files not found", async () => {
    const set = withFile(withFile(goodFileSet(), "classes.csv", undefined), "enrollments.csv", undefined);
    const op = await validate(set);
    expect(op.errors).toEqual([]);
    expect(op.warnings.map(where)).toEqual([["OptionalFileNotFound", "classes.csv"], ["OptionalFileNotFound", "enrollments.csv"]]);
  });

  const good = goodFileSet();
  const users = String(good["users.csv"]);
  const roles = String(good["roles.csv"]);
  const orgs = String(good["orgs.csv"]);
  test.each<[string, FileSet, [string, string][]]>([
    ["a missing orgs.csv", withFile(good, "orgs.csv", undefined), [["RequiredFileNotFound", "orgs.csv"], ["UnknownReference", "roles.csv:2"], ["UnknownReference", "roles.csv:3"], ["UnknownReference", "roles.csv:4"], ["UnknownReference", "roles.csv:5"], ["UnknownReference", "roles.csv:6"], ["UnknownReference", "classes.csv:2"]]],
    ["a role whose orgSourcedId is unknown", withFile(good, "roles.csv", roles.replace("u2,s1,student", "u2,s9,student")), [["UnknownReference", "roles.csv:3"]]],
    ["a role whose userSourcedId is unknown", withFile(good, "roles.csv", `${roles}\nu9,s1,student,false`), [["UnknownReference", "roles.csv:7"]]],
    ["a header in the wrong case", withFile(good, "users.csv", users.replace("sourcedId,username", "SourcedId,username")), [["MissingRequiredColumn", "users.csv:1"]]],
    ["a required column missing", withFile(good, "orgs.csv", orgs.replace("sourcedId,name,type,parentSourcedId", "sourcedId,name,parentSourcedId").replace(",district,", ",").replace(",school,", ",")), [["MissingRequiredColumn", "orgs.csv:1"]]],
    ["a duplicate sourcedId", withFile(good, "users.csv", `${users}\nu1,again@contoso.edu,A,B,,`), [["DuplicateSourcedId", "users.csv:6"]]],
    ["a required value empty", withFile(good, "users.csv", users.replace("u2,ben@contoso.edu", "u2,")), [["MissingRequiredValue", "users.csv:3"], ["UnknownReference", "roles.csv:3"], ["UnknownReference", "enrollments.csv:3"]]],
    ["a role not in the list of values", withFile(good, "roles.csv", roles.replace("u4,s1,paraprofessional", "u4,s1,janitor")), [["InvalidEnumValue", "roles.csv:6"]]],
    ["a row with too many fields", withFile(good, "orgs.csv", `${orgs}\nx1,Extra,school,d1,surplus`), [["ColumnCountMismatch", "orgs.csv:4"]]],
    ["a line break inside data", withFile(good, "orgs.csv", `${orgs}\nx2,"Two\nLines",school,d1`), [["LineBreakInData", "orgs.csv:5"]]],
    ["a file that is not UTF-8", withFile(good, "orgs.csv", Buffer.from([0x73, 0x6f, 0xff, 0xfe, 0x0a])), [["InvalidFileEncoding", "orgs.csv"]]],
    ["classes.csv without enrollments.csv", withFile(good, "enrollments.csv", undefined), [["RequiredFileNotFound", "enrollments.csv"]]],
  ])("%s fails validation with the file and line named", async (_name, set, expected) => {
    const op = await validate(set);
    expect(op.status).toBe("succeeded"); // the check ran; the files did not pass
    expect(op.errors.map(where)).toEqual(expected);
    for (const error of op.errors as Finding[]) {
      expect(error.target).toBe(error.details[0]?.target.split(":")[0] ?? error.target);
      if (error.details.length) expect(error.message).toMatch(new RegExp(`^${error.target.replace(".", "\\.")} line \\d+: `));
    }
  });

  test("the unknown org is named in the message", async () => {
    const op = await validate(withFile(good, "roles.csv", roles.replace("u2,s1,student", "u2,s9,student")));
    expect(op.errors[0].message).toBe("roles.csv line 3: orgSourcedId 's9' is not the sourcedId of any row of orgs.csv.");
  });

  test.each<[string, FileSet, [string, string][]]>([
    ["an email that is not one", withFile(good, "users.csv", users.replace("ben@contoso.edu,Ben,Kaya,ben@contoso.edu", "ben@contoso.edu,Ben,Kaya,not-an-email")), [["InvalidValue", "users.csv:3"]]],
    ["isPrimary neither true nor false", withFile(good, "roles.csv", roles.replace("u1,s1,student,true", "u1,s1,student,yes")), [["InvalidValue", "roles.csv:2"]]],
    ["a parent org that does not exist", withFile(good, "orgs.csv", orgs.replace("school,d1", "school,d9")), [["UnknownReference", "orgs.csv:3"]]],
    ["a file SDS does not define (or misnamed)", withFile(good, "Orgs.CSV", "sourcedId,name,type\n"), [["UnrecognizedFile", "Orgs.CSV"]]],
  ])("%s is a warning (an optional value dropped), the set still passes", async (_name, set, expected) => {
    const op = await validate(set);
    expect(op.errors).toEqual([]);
    expect(op.warnings.map(where)).toEqual(expected);
  });

  test("enumerations match case-insensitively (the list of values is matched that way)", async () => {
    const op = await validate(withFile(good, "orgs.csv", orgs.replace(",district,", ",District,")));
    expect(op.errors).toEqual([]);
  });

  test("at most 200 errors are listed, then one entry says how many more", async () => {
    const many = [roles, ...Array.from({ length: 250 }, (_, i) => `u1,nowhere${i},student,false`)].join("\n");
    const op = await validate(withFile(good, "roles.csv", many));
    expect(op.errors).toHaveLength(201);
    expect(op.errors[200]).toMatchObject({ code: "TooManyErrors", message: "50 more not listed." });
  });
});
