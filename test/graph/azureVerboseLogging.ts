/**
 * Imported first by tests that want @azure/identity's own logging on (verbose), so the leak scan also covers
 * what the Azure SDK logs. @azure/logger reads AZURE_LOG_LEVEL when it is first loaded, which in jest happens
 * per test file; `restoreAzureLogLevel` puts the variable back for the other files of the worker.
 */
const previous = process.env.AZURE_LOG_LEVEL;
process.env.AZURE_LOG_LEVEL = "verbose";

/** Restores AZURE_LOG_LEVEL as it was before this module was imported. */
export function restoreAzureLogLevel(): void {
  if (previous === undefined) delete process.env.AZURE_LOG_LEVEL;
  else process.env.AZURE_LOG_LEVEL = previous;
}
