/** Test layers mirror the code's layers (see STYLE): unit, emulator, provider, engine. */

// ESM-only packages in @azure/identity's dependency tree (its HTTP pipeline's proxy agents). Node 22 loads them
// with require(esm), but jest's module system cannot before Node 24.9, so jest compiles them to CommonJS.
const esmOnlyPackages = ["https-proxy-agent", "http-proxy-agent", "agent-base", "proxy-agent-negotiate"];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // tsconfig.test.json sets isolatedModules, so ts-jest only transpiles (types: `tsc -p tsconfig.test.json` in npm test).
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
    [`node_modules/(${esmOnlyPackages.join("|")})/.+\\.js$`]: [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022", esModuleInterop: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join("|")})/)`],
  testTimeout: 60000,
  // Engine and e2e tests spawn real processes; two workers match the two cores CI has.
  maxWorkers: 2,
  // Suite-wide secret-leak scan of console output, failure messages and process output (issue 4).
  reporters: ["default", "<rootDir>/test/support/leakReporter.js"],
};
