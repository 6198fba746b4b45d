/**
 * The local check of `industrydata upload`: an SDS v2.1 folder is refused, before any request, for what cannot
 * pass the service's validation, each problem named by file and line (line 1 is the header); what the service
 * may still take is a warning.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkSdsFileSet } from "../../provider/cli/sdsFileSet";

const good: Record<string, string> = {
  "orgs.csv": "sourcedId,name,type,parentSourcedId\nd1,District,district,\ns1,High,school,d1\n",
  "users.csv": "sourcedId,username,givenName,familyName\nu1,ana@contoso.edu,Ana,Ito\nu2,ben@contoso.edu,Ben,Kaya\n",
  "roles.csv": "userSourcedId,orgSourcedId,role\nu1,s1,student\nu2,s1,teacher\n",
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "sds-check-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function folder(files: Record<string, string | Buffer | undefined>): string {
  const dir = fs.mkdtempSync(path.join(root, "set-"));
  for (const [name, content] of Object.entries(files)) if (content !== undefined) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

test("a complete set passes: the three required files with their rows counted", () => {
  const check = checkSdsFileSet(folder(good));
  expect(check.errors).toEqual([]);
  expect(check.warnings).toEqual([]);
  expect(check.files.map((f) => [f.name, f.rows])).toEqual(
    expect.arrayContaining([["orgs.csv", 2], ["users.csv", 2], ["roles.csv", 2]]),
  );
});

test("a UTF-8 byte-order mark and CRLF line ends are fine (what spreadsheet exports write)", () => {
  const crlf = Object.fromEntries(Object.entries(good).map(([k, v]) => [k, `\ufeff${v.replace(/\n/g, "\r\n")}`]));
  expect(checkSdsFileSet(folder(crlf)).errors).toEqual([]);
});

test.each<[string, Record<string, string | Buffer | undefined>, { code: string; file: string; line?: number; message: RegExp }]>([
  ["a missing orgs.csv", { "orgs.csv": undefined }, { code: "RequiredFileNotFound", file: "orgs.csv", message: /the required file orgs\.csv is missing/ }],
  ["a required file in the wrong case", { "orgs.csv": undefined, "Orgs.csv": good["orgs.csv"] }, { code: "FileNameCase", file: "Orgs.csv", message: /rename it to orgs\.csv/ }],
  ["a header in the wrong case", { "users.csv": "SourcedId,username\nu1,a\nu2,b\n" }, { code: "MissingRequiredHeader", file: "users.csv", line: 1, message: /"SourcedId" must be spelled "sourcedId"/ }],
  ["a required column missing", { "roles.csv": "userSourcedId,orgSourcedId\nu1,s1\n" }, { code: "MissingRequiredHeader", file: "roles.csv", line: 1, message: /the required column role is missing/ }],
  ["a user whose org id is unknown", { "roles.csv": "userSourcedId,orgSourcedId,role\nu1,s1,student\nu2,s9,teacher\n" }, { code: "UnknownReference", file: "roles.csv", line: 3, message: /orgSourcedId "s9" names no record of orgs\.csv/ }],
  ["a role of an unknown user", { "roles.csv": "userSourcedId,orgSourcedId,role\nu7,s1,student\n" }, { code: "UnknownReference", file: "roles.csv", line: 2, message: /userSourcedId "u7" names no record of users\.csv/ }],
  ["an org whose parent is unknown", { "orgs.csv": "sourcedId,name,type,parentSourcedId\nd1,District,district,\ns1,High,school,d9\n" }, { code: "UnknownReference", file: "orgs.csv", line: 3, message: /parentSourcedId "d9"/ }],
  ["a sourcedId used twice", { "users.csv": "sourcedId,username\nu1,a\nu2,b\nu1,c\n" }, { code: "DuplicateId", file: "users.csv", line: 4, message: /sourcedId "u1" is already used on line 2/ }],
  ["an empty required value", { "users.csv": "sourcedId,username\nu1,\nu2,b\n" }, { code: "MissingRequiredValue", file: "users.csv", line: 2, message: /username is required and empty/ }],
  ["a line break inside a value", { "orgs.csv": 'sourcedId,name,type\nd1,"Dis\ntrict",district\ns1,High,school\n' }, { code: "LineBreakInValue", file: "orgs.csv", line: 2, message: /name holds a line break/ }],
  ["a row with too few values", { "users.csv": "sourcedId,username\nu1,a\nu2\n" }, { code: "ColumnCountMismatch", file: "users.csv", line: 3, message: /1 values for 2 columns/ }],
  ["a file that is not UTF-8", { "orgs.csv": Buffer.from([0x73, 0x6f, 0x75, 0xff, 0xfe, 0x0a]) }, { code: "InvalidEncoding", file: "orgs.csv", message: /not UTF-8/ }],
  ["classes without enrollments", { "classes.csv": "sourcedId,orgSourcedId,title\nc1,s1,Algebra\n" }, { code: "RequiredFileNotFound", file: "enrollments.csv", message: /classes and enrollments come together/ }],
  ["an enrollment in an unknown class", { "classes.csv": "sourcedId,orgSourcedId,title\nc1,s1,Algebra\n", "enrollments.csv": "classSourcedId,userSourcedId,role\nc2,u1,student\n" }, { code: "UnknownReference", file: "enrollments.csv", line: 2, message: /classSourcedId "c2" names no record of classes\.csv/ }],
  ["an empty file", { "users.csv": "" }, { code: "MissingHeader", file: "users.csv", line: 1, message: /the file is empty/ }],
])("refused: %s", (_name, change, expected) => {
  const check = checkSdsFileSet(folder({ ...good, ...change }));
  expect(check.errors).toContainEqual(expect.objectContaining({ code: expected.code, file: expected.file, ...(expected.line !== undefined ? { line: expected.line } : {}), message: expect.stringMatching(expected.message) }));
});

test.each<[string, Record<string, string>, { code: string; file: string }]>([
  ["a column the format does not know", { "users.csv": "sourcedId,username,nickname\nu1,a,x\nu2,b,y\n" }, { code: "UnknownHeader", file: "users.csv" }],
  ["a CSV file that is not part of the format (not uploaded)", { "notes.csv": "a,b\n1,2\n" }, { code: "UnknownFile", file: "notes.csv" }],
])("warned, not refused: %s", (_name, change, expected) => {
  const check = checkSdsFileSet(folder({ ...good, ...change }));
  expect(check.errors).toEqual([]);
  expect(check.warnings).toContainEqual(expect.objectContaining(expected));
  expect(check.files.map((f) => f.name)).not.toContain("notes.csv");
});

test("a 500-row file with every role pointing nowhere lists 20 of them and counts the rest", () => {
  const roles = ["userSourcedId,orgSourcedId,role", ...Array.from({ length: 500 }, (_, i) => `u1,x${i},student`)].join("\n");
  const check = checkSdsFileSet(folder({ ...good, "roles.csv": roles }));
  expect(check.errors.filter((e) => e.code === "UnknownReference" && e.line !== undefined)).toHaveLength(20);
  expect(check.errors).toContainEqual(expect.objectContaining({ code: "UnknownReference", file: "roles.csv", message: "… and 480 more UnknownReference in roles.csv" }));
});

test("a folder that does not exist is one error, not an exception", () => {
  expect(checkSdsFileSet(path.join(root, "nope")).errors).toEqual([expect.objectContaining({ code: "FolderNotReadable" })]);
});
