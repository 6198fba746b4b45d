/**
 * Type-level pins: jest (ts-jest with isolatedModules) only transpiles, so this test runs the TypeScript
 * compiler over typeLevel/pins.ts (enums and argument types vs Microsoft's IndustryData types, ajv schemas vs
 * types) and seedCases.ts (every seed expressible with the typed arguments), and asserts no diagnostics.
 */
import { join } from "node:path";
import * as ts from "typescript";
import { descriptors, jsonSchemas, resourceKinds } from "../../provider/schema";

const root = join(__dirname, "..", "..");

function compile(files: string[]): string[] {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true, skipLibCheck: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("type-level pins", () => {
  it("enums, argument types, JSON schemas and the seed declarations agree with Microsoft's IndustryData types", () => {
    expect(compile([join(__dirname, "typeLevel", "pins.ts"), join(__dirname, "seedCases.ts")])).toEqual([]);
  });
});

describe("descriptors agree with the JSON schemas", () => {
  it.each(resourceKinds)("%s: declarable properties are the schema's minus provider fields", (kind) => {
    const d = descriptors[kind];
    const schemaKeys = Object.keys((jsonSchemas[kind] as { properties: object }).properties);
    expect([...d.properties, ...d.providerFields].sort()).toEqual(schemaKeys.sort());
  });
});
