/**
 * The SDS v2.1 CSV file set, as Microsoft documents it ("SDS V2.1 CSV File Format", learn.microsoft.com
 * /schooldatasync/sds-v2.1-csv-file-format): file names and column headers are case-sensitive, files are UTF-8
 * with no line break inside a value; `orgs.csv`, `users.csv` and `roles.csv` are required, `classes.csv` and
 * `enrollments.csv` come together (when classes are managed), the rest are optional. Only what the page marks
 * required is listed as required here; references between files are the ids the page names. For the optional
 * enrichment files (courses, demographics, userFlags) only the id column is required here: refusing a set the
 * service would take is worse than letting the service's validation speak.
 */

/** One file of the format: its required headers (present, and a value on every row) and its id column. */
export interface SdsFileSpec {
  name: string;
  required: readonly string[];
  /** Headers the format knows besides the required ones (others are warned about, not refused). */
  optional: readonly string[];
  /** The column that identifies a record (unique within the file), if any. */
  idColumn?: string;
}

/** A column whose values must name a record of another file. */
export interface SdsReference {
  file: string;
  column: string;
  target: string;
  /** An empty value is allowed (an optional reference such as an org's parent). */
  optional?: boolean;
}

export const SDS_FILES: readonly SdsFileSpec[] = [
  { name: "orgs.csv", required: ["sourcedId", "name", "type"], optional: ["parentSourcedId"], idColumn: "sourcedId" },
  {
    name: "users.csv",
    required: ["sourcedId", "username"],
    // givenName/familyName are required only when SDS creates the users: not enforced locally.
    optional: ["givenName", "familyName", "password", "activeDirectoryMatchId", "email", "phone", "sms"],
    idColumn: "sourcedId",
  },
  { name: "roles.csv", required: ["userSourcedId", "orgSourcedId", "role"], optional: ["sessionSourcedId", "grade", "isPrimary", "roleStartDate", "roleEndDate"] },
  { name: "classes.csv", required: ["sourcedId", "orgSourcedId", "title"], optional: ["sessionSourcedIds", "courseSourcedId", "code", "location", "grades", "subjects", "periods"], idColumn: "sourcedId" },
  { name: "enrollments.csv", required: ["classSourcedId", "userSourcedId", "role"], optional: ["beginDate", "endDate", "isPrimary"] },
  { name: "academicSessions.csv", required: ["sourcedId", "title", "type", "schoolYear", "startDate", "endDate"], optional: ["parentSourcedId"], idColumn: "sourcedId" },
  { name: "courses.csv", required: ["sourcedId"], optional: ["title", "orgSourcedId", "code", "schoolYearSourcedId", "subject", "grade"], idColumn: "sourcedId" },
  { name: "demographics.csv", required: ["userSourcedId"], optional: [] },
  { name: "userFlags.csv", required: ["userSourcedId"], optional: ["flag"] },
  { name: "relationships.csv", required: ["userSourcedId", "relationshipUserSourcedId", "relationshipRole"], optional: [] },
];

/** Files every upload must hold. */
export const REQUIRED_FILES = ["orgs.csv", "users.csv", "roles.csv"] as const;
/** Files that come together or not at all. */
export const PAIRED_FILES = ["classes.csv", "enrollments.csv"] as const;

export const SDS_REFERENCES: readonly SdsReference[] = [
  { file: "orgs.csv", column: "parentSourcedId", target: "orgs.csv", optional: true },
  { file: "roles.csv", column: "userSourcedId", target: "users.csv" },
  { file: "roles.csv", column: "orgSourcedId", target: "orgs.csv" },
  { file: "classes.csv", column: "orgSourcedId", target: "orgs.csv" },
  { file: "enrollments.csv", column: "classSourcedId", target: "classes.csv" },
  { file: "enrollments.csv", column: "userSourcedId", target: "users.csv" },
  { file: "relationships.csv", column: "userSourcedId", target: "users.csv" },
  { file: "demographics.csv", column: "userSourcedId", target: "users.csv" },
  { file: "userFlags.csv", column: "userSourcedId", target: "users.csv" },
];
