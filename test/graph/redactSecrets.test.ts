import { REDACTED, redactSecrets, registerSecret } from "../../provider/graph";
import { sensitiveValuesOf } from "../../provider/graph/redactSecrets";

describe("redactSecrets", () => {
  const cases: [string, string, string][] = [
    ["bearer token", "Authorization: Bearer abc.def-ghi_jkl", `Authorization: Bearer ${REDACTED}`],
    ["JWT anywhere", "token eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.sig-nature_1 end", `token ${REDACTED} end`],
    ["JSON password", '{"password":"p@ss\\"word","x":1}', `{"password":"${REDACTED}","x":1}`],
    ["JSON clientSecret", '{ "clientSecret" : "abc" }', `{ "clientSecret" : "${REDACTED}" }`],
    ["form client_secret", "grant_type=client_credentials&client_secret=abc%2Fdef&scope=x", `grant_type=client_credentials&client_secret=${REDACTED}&scope=x`],
    ["form client_assertion", "client_assertion=aaa.bbb.ccc&x=1", `client_assertion=${REDACTED}&x=1`],
    ["nothing secret", "Invalid value 'minorx' for studentAgeGroup", "Invalid value 'minorx' for studentAgeGroup"],
  ];
  it.each(cases)("removes a %s", (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("removes extra and registered values verbatim, wherever they appear", () => {
    registerSecret("registered-secret-1");
    expect(redactSecrets("a registered-secret-1 b Pa55word! c", ["Pa55word!"])).toBe(`a ${REDACTED} b ${REDACTED} c`);
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
          { defaultPasswordSettings: { "@odata.type": "#x", password: "Staff-Pass-1" }, licenseSkus: ["Sku1"] },
          { defaultPasswordSettings: { password: "Student-Pass-2" } },
        ],
      },
      clientSecret: "cs-1",
    };
    expect(sensitiveValuesOf(body).sort()).toEqual(["#x", "Staff-Pass-1", "Student-Pass-2", "cs-1"].sort());
  });

  it("finds nothing in bodies without secrets", () => {
    expect(sensitiveValuesOf({ displayName: "x", filter: { in: ["a"] } })).toEqual([]);
    expect(sensitiveValuesOf(undefined)).toEqual([]);
  });
});
