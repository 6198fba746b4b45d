/**
 * Child-process entry of the benchmark's emulator: the emulator runs in its own process so that neither the
 * provider host's requests nor the raw-HTTP floor's share an event loop with it (both would otherwise compete
 * with the server for one thread, and the floor would look slower than it is).
 *
 * Input: BENCH_EMULATOR_TOKEN (static bearer token). Output: one JSON line `{ graphUrl, adminUrl }`.
 * Runs until SIGTERM.
 */
import { startEmulator } from "../emulator";

async function main(): Promise<void> {
  const staticToken = process.env.BENCH_EMULATOR_TOKEN;
  if (!staticToken) throw new Error("BENCH_EMULATOR_TOKEN is not set");
  // quiet: the emulator's own console output would cost time in every request and is not what is measured.
  const emulator = await startEmulator({ port: 0, staticToken, quiet: true });
  process.stdout.write(`${JSON.stringify({ graphUrl: emulator.graphUrl, adminUrl: emulator.adminUrl })}\n`);
  process.once("SIGTERM", () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
