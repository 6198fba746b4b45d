/**
 * What each descriptor names for the front ends (issue 20): the dynamic provider key (the runtime's providers
 * and the shim module stored in state), the Graph properties (the JSON schema's, never a second list), the
 * outputs and the secret outputs the classes and the plugin derive from it.
 */
import * as fs from "fs";
import * as path from "path";
import { secretOutputNames } from "../../provider/dynamic/industrydataResource";
import { providers } from "../../provider/dynamic/runtime";
import { passwordHashesKey } from "../../provider/reconcile";
import { computedOutputNames, descriptors, jsonSchemas, outputNames, resourceKinds } from "../../provider/schema";

const shimsDir = path.join(__dirname, "..", "..", "provider", "resources", "shims");

test("each kind has its own provider key, and the runtime's providers are exactly those keys", () => {
  const keys = resourceKinds.map((kind) => descriptors[kind].providerKey);
  expect(new Set(keys).size).toBe(keys.length);
  expect(Object.keys(providers).sort()).toEqual([...keys].sort());
});

test.each(resourceKinds)("%s: its shim module is at the path stored in state (provider/resources/shims/<providerKey>)", (kind) => {
  expect(fs.existsSync(path.join(shimsDir, `${descriptors[kind].providerKey}.ts`))).toBe(true);
});

test.each(resourceKinds)("%s: its Graph properties are its JSON schema's, provider fields aside", (kind) => {
  const { properties, providerFields } = descriptors[kind];
  const schema = jsonSchemas[kind] as { properties: Record<string, unknown> };
  expect(properties).toEqual(Object.keys(schema.properties).filter((name) => !providerFields.includes(name)));
});

test.each(resourceKinds)("%s: its outputs are its arguments and what Graph computes", (kind) => {
  const descriptor = descriptors[kind];
  const names = outputNames(descriptor);
  expect(names).toEqual(expect.arrayContaining([...descriptor.providerFields, ...descriptor.properties, ...computedOutputNames(descriptor)]));
  expect(new Set(names).size).toBe(names.length);
});

/** The secret outputs the classes listed by hand before they were derived: only the two kinds with a write-only value add any. */
const secretOutputs: Partial<Record<(typeof resourceKinds)[number], string[]>> = {
  user: [passwordHashesKey, "defaultPasswords", "declaredInputs"],
  oneRosterApiDataConnector: [passwordHashesKey, "clientSecret", "declaredInputs"],
};

test.each(resourceKinds)("%s: its secret outputs (the hashes of its write-only values, its lifted secret inputs, the inputs record)", (kind) => {
  expect(secretOutputNames(kind)).toEqual(secretOutputs[kind] ?? ["declaredInputs"]);
});
