/**
 * Type-level pins for the resource classes' arguments: jest only transpiles, so this runs the TypeScript
 * compiler over typeLevel/argsPins.ts and asserts no diagnostics.
 */
import { join } from "node:path";
import * as ts from "typescript";

test("each XxxArgs mirrors provider/schema's props type, accepts plain values and Outputs at every level", () => {
  const root = join(__dirname, "..", "..");
  const config = ts.readConfigFile(join(root, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram([join(__dirname, "typeLevel", "argsPins.ts")], { ...parsed.options, noEmit: true, skipLibCheck: true });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
});
