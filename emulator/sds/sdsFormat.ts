/**
 * The SDS v2.1 CSV file format as the emulator checks it: which files, their columns (required or optional),
 * what a column refers to in another file, and the enumerations of the default list of values. Sources: the
 * "SDS V2.1 CSV File Format" and "Default List of Values" pages of the School Data Sync docs; where they are
 * silent, emulator/README.md says what was chosen.
 */

/** A reference from a column to the `sourcedId`s of another file. */
export interface ColumnReference {
  file: string;
  /** A reference to a file that is absent or an id it lacks: an error (record dropped) or a warning (value dropped). */
  severity: "error" | "warning";
  /** The column holds several ids separated by commas (classes.csv sessionSourcedIds). */
  list?: boolean;
}

/** One column of a file. */
export interface ColumnSpec {
  name: string;
  /** The header must be present and every row must have a value. */
  required: boolean;
  enumeration?: readonly string[];
  format?: "date" | "boolean" | "email";
  references?: ColumnReference;
}

/** One SDS v2.1 file. */
export interface FileSpec {
  name: string;
  /** required: always; paired: classes.csv and enrollments.csv go together; optional: may be absent. */
  presence: "required" | "paired" | "optional";
  columns: readonly ColumnSpec[];
  /** The column whose values must be unique in the file (its sourcedId). */
  key?: string;
}

/** Organization types (Default List of Values). */
export const ORG_TYPES = [
  "school", "department", "district", "local", "state", "national", "ministryOfEducation", "university", "college",
  "campus", "adultEducation", "municipality", "departmentOfEducation", "localAuthority", "region", "division",
  "province", "researchCenter", "program", "academicTrust",
] as const;

/** Organization user roles (Default List of Values); all but `student` and `other` default to the Staff role group. */
export const ROLE_CODES = [
  "principal", "chair", "professor", "researcher", "adjunct", "affiliate", "occupationalTherapist", "physicalTherapist",
  "speechTherapist", "visionTherapist", "paraprofessional", "specialServices", "advisor", "proctor", "nurse", "officeStaff",
  "lecturer", "itAdmin", "administrator", "teacher", "faculty", "staff", "teacherAssistant", "assistant", "instructor",
  "substitute", "coach", "alumni", "student", "other",
] as const;

const id = (name: string, required = true): ColumnSpec => ({ name, required });
const ref = (name: string, file: string, severity: "error" | "warning", required = true, list = false): ColumnSpec => ({
  name, required, references: { file, severity, list },
});
const text = (name: string, required = false): ColumnSpec => ({ name, required });

/** The files, in the order they are reported. */
export const SDS_FILES: readonly FileSpec[] = [
  {
    name: "orgs.csv", presence: "required", key: "sourcedId",
    columns: [id("sourcedId"), text("name", true), { name: "type", required: true, enumeration: ORG_TYPES }, ref("parentSourcedId", "orgs.csv", "warning", false)],
  },
  {
    name: "users.csv", presence: "required", key: "sourcedId",
    columns: [
      id("sourcedId"), text("username", true), text("familyName"), text("givenName"), text("middleName"), text("password"),
      text("activeDirectoryMatchId"), { name: "email", required: false, format: "email" }, text("phone"), text("sms"),
    ],
  },
  {
    name: "roles.csv", presence: "required",
    columns: [
      ref("userSourcedId", "users.csv", "error"), ref("orgSourcedId", "orgs.csv", "error"),
      { name: "role", required: true, enumeration: ROLE_CODES }, ref("sessionSourcedId", "academicSessions.csv", "warning", false),
      text("grade"), { name: "isPrimary", required: false, format: "boolean" },
      { name: "roleStartDate", required: false, format: "date" }, { name: "roleEndDate", required: false, format: "date" },
    ],
  },
  {
    name: "classes.csv", presence: "paired", key: "sourcedId",
    columns: [
      id("sourcedId"), ref("orgSourcedId", "orgs.csv", "error"), text("title", true),
      ref("sessionSourcedIds", "academicSessions.csv", "warning", false, true), ref("courseSourcedId", "courses.csv", "warning", false), text("code"),
    ],
  },
  {
    name: "enrollments.csv", presence: "paired",
    columns: [ref("classSourcedId", "classes.csv", "error"), ref("userSourcedId", "users.csv", "error"), text("role", true)],
  },
  {
    name: "academicSessions.csv", presence: "optional", key: "sourcedId",
    columns: [
      id("sourcedId"), text("title", true), text("type", true), text("schoolYear", true),
      { name: "startDate", required: true, format: "date" }, { name: "endDate", required: true, format: "date" },
    ],
  },
  {
    name: "courses.csv", presence: "optional", key: "sourcedId",
    columns: [id("sourcedId"), ref("orgSourcedId", "orgs.csv", "error"), text("title", true), text("code"), text("schoolYearSourcedId"), text("subject"), text("grade")],
  },
  { name: "demographics.csv", presence: "optional", columns: [ref("userSourcedId", "users.csv", "error")] },
  { name: "userFlags.csv", presence: "optional", columns: [ref("userSourcedId", "users.csv", "error"), text("flag", true)] },
  {
    name: "relationships.csv", presence: "optional",
    columns: [ref("userSourcedId", "users.csv", "error"), ref("relationshipUserSourcedId", "users.csv", "error"), text("relationshipRole", true)],
  },
];

/** A spec by file name (exact: SDS file names are case-sensitive). */
export function fileSpec(name: string): FileSpec | undefined {
  return SDS_FILES.find((f) => f.name === name);
}
