/**
 * Declarations and look-ups shared by the engine-level test files.
 */
import { isPlainObject, Secret, secret } from "../harness";
import { generatedSecret } from "../support/testSecrets";
import type { EngineFixture, RecordedRequest } from "./engineFixture";

/** A fresh, recognisable password per call (so a leak check knows exactly what to look for, and the suite-wide scan its shape). */
export function newPassword(): string {
  return generatedSecret("enginePassword");
}

/** A user flow as a district declares one (seed 003's shape), password declared with `pulumi.secret`. */
export function userFlowArgs(options: { password?: string; flowSetId?: string } = {}): Record<string, unknown> {
  return {
    // The real set id is only known after the set exists; the tests put it in the registered inputs.
    flowSetId: options.flowSetId ?? "00000000-0000-0000-0000-00000000beef",
    createUnmatchedUsers: true,
    managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
    creationOptions: {
      configurations: [
        {
          roleGroupId: "students",
          licenseSkus: ["M365EDU_A3_STUUSEBNFT"],
          defaultPasswordSettings: { password: secret(options.password ?? newPassword()) },
        },
      ],
    },
  };
}

/** The emulator's Graph requests (token and admin endpoints left out). */
export async function graphRequests(fx: EngineFixture): Promise<RecordedRequest[]> {
  return (await fx.requests()).filter((r) => r.path.startsWith("/beta/"));
}

/** Flows the emulator holds in a set (undefined when the set does not exist). */
export async function flowsOf(fx: EngineFixture, setId: string): Promise<Record<string, any>[] | undefined> {
  const state = await fx.state<{ flowSets: { id: string; flows: Record<string, any>[] }[] }>();
  return state.flowSets.find((s) => s.id === setId)?.flows;
}

/**
 * Paths where `needle` occurs in plain text in an engine-side value (inside a `Secret` does not count: the
 * engine encrypts those in state and masks them in output).
 */
export function plainTextPaths(value: unknown, needle: string, at = ""): string[] {
  if (value instanceof Secret) return [];
  if (typeof value === "string") return value.includes(needle) ? [at || "(root)"] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainTextPaths(v, needle, `${at}[${i}]`));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => plainTextPaths(v, needle, at ? `${at}.${k}` : k));
  return [];
}

/**
 * An RPC answer as text without the dynamic resources' copy of their secret inputs under the inputs' own
 * names (`defaultPasswords`, `clientSecret`, top level of `properties` and of a Read's `inputs`): a Read
 * hands the inputs back as they were (provider/dynamic/resourceProvider.ts), and the engine marks each
 * secret by that name, as the input (the state checks above prove it). Anywhere else, a secret is a leak.
 */
export function answerBesideSecretInputs(method: string, answer: unknown): string {
  const strip = (map: unknown): unknown => {
    if (map === null || typeof map !== "object") return map;
    const { defaultPasswords: _passwords, clientSecret: _secret, ...rest } = map as Record<string, unknown>;
    return rest;
  };
  const record = (answer ?? {}) as Record<string, unknown>;
  return `${method}: ${JSON.stringify({ ...record, properties: strip(record.properties), inputs: strip(record.inputs) })}`;
}
