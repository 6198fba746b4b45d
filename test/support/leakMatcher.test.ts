/** The matching shared by every leak scan: the forms a secret travels in, credential shapes, and no false alarms. */
import { leakMatcher, secretForms, TOKEN_SHAPES } from "./leakMatcher";
import { TEST_CLIENT_SECRETS, TEST_PASSWORDS } from "./testSecrets";

describe("leakMatcher", () => {
  const password = TEST_PASSWORDS.redactJson; // has a quote, so its JSON form differs
  const matcher = leakMatcher({ secrets: [{ label: "secret #1", value: password }], shapes: TOKEN_SHAPES });
  const found = `secret #1 (${password.length} chars)`;
  const b64 = (text: string) => Buffer.from(text).toString("base64");
  const b64url = (text: string) => Buffer.from(text).toString("base64url");

  test.each([
    ["as is", `login with ${password} failed`],
    ["URL-encoded in a form body", `grant_type=password&password=${encodeURIComponent(password)}`],
    ["escaped in JSON", JSON.stringify({ body: { password } })],
    ["base64 alone", b64(password)],
    ["base64 after one byte", `Authorization: Basic ${b64(`a:${password}`)}`],
    ["base64 after two bytes", b64(`ab${password}`)],
    ["base64 after three bytes, then more", b64(`abc${password}xyz`)],
    ["base64url inside a JWT payload", `eyJ0eXAiOiJKV1QifQ.${b64url(JSON.stringify({ pwd: password }))}`],
  ])("finds a secret %s", (_form, text) => {
    expect(matcher.find(text)).toContain(found);
  });

  // Most test passwords end in `!`, which encodeURIComponent leaves as is and a form body encodes.
  test.each([
    ["in a form body (URLSearchParams: ! as %21, space as +)", (v: string) => `grant_type=password&${new URLSearchParams({ password: v })}`],
    ["RFC 3986-encoded (! ' ( ) * encoded too)", (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)],
  ])("finds a secret with ! and a space %s", (_form, encode) => {
    const value = `${TEST_PASSWORDS.graphClientEcho} x`; // "Sch00l-Start!2026 x"
    const m = leakMatcher({ secrets: [{ label: "bang", value }] });
    expect(m.find(encode(value))).toEqual([`bang (${value.length} chars)`]);
  });

  test.each([
    ["a JWT", "id_token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "a JWT"],
    ["a bearer token", "Authorization: Bearer abcdefgh12345678", "a bearer token"],
    ["a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE...", "a private key"],
    ["a PKCS#8 private key", "-----BEGIN PRIVATE KEY-----", "a private key"],
  ])("finds %s by shape", (_name, text, label) => {
    expect(matcher.find(text)).toEqual([label]);
  });

  test.each([
    ["redacted bearer tokens", "PATCH failed: Authorization: Bearer [REDACTED] (request-id 1)"],
    ["a public certificate", "-----BEGIN CERTIFICATE-----"],
    ["a secret's first half", password.slice(0, 5)],
    ["ordinary output", "industrydata: created 3 flows in 412 ms"],
  ])("stays quiet on %s", (_name, text) => {
    expect(matcher.find(text)).toEqual([]);
  });

  test("names each secret once, by label and length, never by value", () => {
    const other = TEST_CLIENT_SECRETS.emulatorDefault;
    const both = leakMatcher({ secrets: [{ label: "a", value: password }, { label: "b", value: other }, { label: "empty", value: "" }] });
    const findings = both.find(`${password} ${password} ${encodeURIComponent(password)} ${b64(other)}`);
    expect(findings).toEqual([`a (${password.length} chars)`, `b (${other.length} chars)`]);
    expect(findings.join()).not.toContain(password);
  });

  test("base64 forms at every alignment are long enough to be distinctive", () => {
    const forms = secretForms("eight-ch");
    expect(forms.length).toBeGreaterThan(3);
    expect(forms.every((form) => form.length >= 8)).toBe(true);
  });
});

test("a SAS URL's signature is a finding; the redacted form is not", () => {
  const matcher = leakMatcher({ secrets: [], shapes: TOKEN_SHAPES });
  expect(matcher.find("PUT http://127.0.0.1:10000/devstoreaccount1/c?sv=2026-10-06&sr=c&sig=q1w2e3r4t5y6u7i8o9p0AbCd%3D")).toEqual(["a SAS signature"]);
  expect(matcher.find("http://127.0.0.1:10000/devstoreaccount1/c?sv=2026-10-06&sr=c&sig=[REDACTED]")).toEqual([]);
});
