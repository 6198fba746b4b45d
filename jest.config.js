/** Test layers mirror the code's layers (see STYLE): unit, emulator, provider, engine. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json", isolatedModules: true }] },
  testTimeout: 60000,
  // Engine and e2e tests spawn real processes; two workers match the two cores CI has.
  maxWorkers: 2,
};
