/** SDS v2.1 file sets for the emulator's upload, validation and run tests: a good one and ways to break it. */
import { ContainerClient } from "@azure/storage-blob";
import { IDATA, TestEmulator } from "./helpers";

/** File name → CSV text. */
export type FileSet = Record<string, string | Buffer>;

/**
 * A small district: two orgs, four users (two students, a teacher, an aide with no email), their roles, one
 * class with its enrollments.
 */
export function goodFileSet(): FileSet {
  return {
    "orgs.csv": ["sourcedId,name,type,parentSourcedId", "d1,Contoso District,district,", "s1,Contoso High,school,d1"].join("\n"),
    "users.csv": [
      "sourcedId,username,givenName,familyName,email,activeDirectoryMatchId",
      "u1,ana@contoso.edu,Ana,Ito,ana@contoso.edu,",
      "u2,ben@contoso.edu,Ben,Kaya,ben@contoso.edu,",
      "u3,cho@contoso.edu,Cho,Lee,cho@contoso.edu,",
      "u4,dee@contoso.edu,Dee,Moss,,",
    ].join("\n"),
    "roles.csv": [
      "userSourcedId,orgSourcedId,role,isPrimary",
      "u1,s1,student,true",
      "u2,s1,student,true",
      "u3,s1,teacher,true",
      "u3,d1,administrator,false",
      "u4,s1,aide,true",
    ].join("\n"),
    "classes.csv": ["sourcedId,orgSourcedId,title", "c1,s1,Algebra I"].join("\n"),
    "enrollments.csv": ["classSourcedId,userSourcedId,role", "c1,u1,student", "c1,u2,student", "c1,u3,teacher"].join("\n"),
  };
}

/** `set` with `file` replaced (or removed when `content` is undefined). */
export function withFile(set: FileSet, file: string, content: string | Buffer | undefined): FileSet {
  const out = { ...set };
  if (content === undefined) delete out[file];
  else out[file] = content;
  return out;
}

/** A new, empty upload session of `connectorId`; its SAS URL. */
export async function newUploadSession(emu: TestEmulator, connectorId: string): Promise<string> {
  const r = await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession?resetSession=true`);
  if (r.status !== 200) throw new Error(`getUploadSession: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.sessionUrl as string;
}

/** Uploads `set` into a new session of the connector with the Azure Storage SDK, as a client would. */
export async function uploadFileSet(emu: TestEmulator, connectorId: string, set: FileSet): Promise<void> {
  const container = new ContainerClient(await newUploadSession(emu, connectorId));
  for (const [name, content] of Object.entries(set)) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    await container.getBlockBlobClient(name).uploadData(data);
  }
}

/** Freezes the emulator's clock (tests step it with `advanceClock`). */
export async function freezeClock(emu: TestEmulator): Promise<void> {
  const r = await emu.admin("PUT", "/clock", { speed: 0 });
  if (r.status !== 200) throw new Error(`freeze clock: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Moves the emulator's clock forward. */
export async function advanceClock(emu: TestEmulator, seconds: number): Promise<void> {
  const r = await emu.admin("POST", "/clock/advance", { seconds });
  if (r.status !== 200) throw new Error(`advance clock: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Validates the connector's upload and returns the completed operation (advancing the frozen clock past it). */
export async function validateNow(emu: TestEmulator, connectorId: string): Promise<any> {
  const r = await emu.graph("POST", `${IDATA}/dataConnectors/${connectorId}/validate`);
  if (r.status !== 202) throw new Error(`validate: ${r.status} ${JSON.stringify(r.body)}`);
  await advanceClock(emu, 10);
  return (await emu.graph("GET", r.headers.get("location")!)).body;
}
