import { REDACTED, redactSecrets, registerSecret } from "../../provider/graph";
import { sensitiveValuesOf } from "../../provider/graph/redactSecrets";
import { TEST_CLIENT_SECRETS, TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

describe("redactSecrets", () => {
  const cases: [string, string, string][] = [
    ["bearer token", `Authorization: Bearer ${TEST_TOKENS.redactBearer}`, `Authorization: Bearer ${REDACTED}`],
    ["JWT anywhere", "token eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.sig-nature_1 end", `token ${REDACTED} end`],
    ["JSON password", JSON.stringify({ password: TEST_PASSWORDS.redactJson, x: 1 }), `{"password":"${REDACTED}","x":1}`],
    ["JSON clientSecret", '{ "clientSecret" : "abc" }', `{ "clientSecret" : "${REDACTED}" }`],
    ["form client_secret", "grant_type=client_credentials&client_secret=abc%2Fdef&scope=x", `grant_type=client_credentials&client_secret=${REDACTED}&scope=x`],
    ["form client_assertion", "client_assertion=aaa.bbb.ccc&x=1", `client_assertion=${REDACTED}&x=1`],
    ["nothing secret", "Invalid value 'minorx' for studentAgeGroup", "Invalid value 'minorx' for studentAgeGroup"],
  ];
  it.each(cases)("removes a %s", (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("removes extra and registered values verbatim, wherever they appear", () => {
    registerSecret(TEST_CLIENT_SECRETS.redactRegistered);
    expect(redactSecrets(`a ${TEST_CLIENT_SECRETS.redactRegistered} b ${TEST_PASSWORDS.redactExtra} c`, [TEST_PASSWORDS.redactExtra])).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it("ignores values too short to be secrets", () => {
    registerSecret("abc");
    expect(redactSecrets("abc abc", ["ab"])).toBe("abc abc");
  });
});

describe("sensitiveValuesOf", () => {
  it("collects strings under password/secret/token keys at any depth", () => {
    const body = {
      "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
      creationOptions: {
        configurations: [
          { defaultPasswordSettings: { "@odata.type": "#x", password: TEST_PASSWORDS.sensitiveStaff }, licenseSkus: ["Sku1"] },
          { defaultPasswordSettings: { password: TEST_PASSWORDS.sensitiveStudent } },
        ],
      },
      clientSecret: TEST_CLIENT_SECRETS.sensitiveClient,
    };
    expect(sensitiveValuesOf(body).sort()).toEqual(["#x", TEST_PASSWORDS.sensitiveStaff, TEST_PASSWORDS.sensitiveStudent, TEST_CLIENT_SECRETS.sensitiveClient].sort());
  });

  it("finds nothing in bodies without secrets", () => {
    expect(sensitiveValuesOf({ displayName: "x", filter: { in: ["a"] } })).toEqual([]);
    expect(sensitiveValuesOf(undefined)).toEqual([]);
  });
});

describe("redactSasUrl (an upload session's sessionUrl)", () => {
  // A SAS signature's shape (base64 of an HMAC, URL-encoded); made up here, never a real key's.
  const signature = "q1w2e3r4t5y6u7i8o9p0AbCdEfGhIjKlMnOpQrStUvW%3D";
  const url = `http://127.0.0.1:10000/devstoreaccount1/5d0c?sv=2026-10-06&se=2026-12-07T17%3A11%3A57Z&sr=c&sp=racwdl&sig=${signature}`;

  test("the signature is replaced, the rest (account, container, expiry, permissions) stays readable", async () => {
    const { redactSasUrl } = await import("../../provider/graph");
    expect(redactSasUrl(url)).toBe(`http://127.0.0.1:10000/devstoreaccount1/5d0c?sv=2026-10-06&se=2026-12-07T17%3A11%3A57Z&sr=c&sp=racwdl&sig=${REDACTED}`);
  });

  test("once shown redacted, the signature is redacted from any later message too, in either encoding", async () => {
    const { redactSasUrl } = await import("../../provider/graph");
    redactSasUrl(url);
    expect(redactSecrets(`storage said: signature ${signature} did not match`)).toBe(`storage said: signature ${REDACTED} did not match`);
    expect(redactSecrets(`decoded ${decodeURIComponent(signature)}`)).toBe(`decoded ${REDACTED}`);
  });
});
