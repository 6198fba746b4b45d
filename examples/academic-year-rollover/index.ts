/**
 * School years as data. Each entry of `schoolYears` is a YearTimePeriodDefinition named after its year code; the
 * rostering inbound flow reads the CSV connector into the LAST entry, the current school year. The transition to
 * the next school year is one added entry (see README.md for the plan it produces, and why).
 */
import {
  AzureDataLakeConnector,
  InboundFileFlow,
  SourceSystemDefinition,
  YearTimePeriodDefinition,
} from "pulumi-industrydata";

/** One school year, as SDS's RefAcademicYear knows it. */
interface SchoolYear {
  /** The year code (RefAcademicYear), e.g. "2025" for 2025-26. Graph cannot change it: it names the resource. */
  code: string;
  displayName: string;
  /** First and last day (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
}

const schoolYears: SchoolYear[] = [
  { code: "2025", displayName: "School year 2025-26", startDate: "2025-09-01", endDate: "2026-06-30" },
  // At the transition, add the next school year here, e.g.:
  // { code: "2026", displayName: "School year 2026-27", startDate: "2026-09-01", endDate: "2027-06-30" },
];

const source = new SourceSystemDefinition("sis", { displayName: "Contoso SIS", vendor: "Contoso" });

const csv = new AzureDataLakeConnector("sis-csv", {
  sourceSystemId: source.id,
  displayName: "Contoso SIS nightly CSV",
  fileFormat: { code: "schoolDataSyncV2Rev1" },
});

// Past years stay declared: SDS associates rostered data with its year, so a year is kept after it ends.
const years = schoolYears.map(
  (y) => new YearTimePeriodDefinition(`year-${y.code}`, { displayName: y.displayName, startDate: y.startDate, endDate: y.endDate, year: { code: y.code } }),
);
const current = schoolYears[schoolYears.length - 1];

// One rostering flow, bound to the current year. Its yearId is create-only in Graph: a new year replaces the flow
// (a new flow bound to the new year is created, then the old one deleted), so the resource name stays "rostering".
// Its window runs from the summer break before the year to the summer after it.
const rostering = new InboundFileFlow("rostering", {
  dataConnectorId: csv.id,
  yearId: years[years.length - 1].id,
  displayName: `Rostering ${current.displayName}`,
  dataDomain: "educationRostering",
  effectiveDateTime: `${current.startDate.slice(0, 4)}-08-15T00:00:00Z`,
  expirationDateTime: `${current.endDate.slice(0, 4)}-07-31T00:00:00Z`,
});

export const currentYear = current.code;
export const yearIds = Object.fromEntries(schoolYears.map((y, i) => [y.code, years[i].id]));
export const rosteringFlowId = rostering.inboundFlowId;
