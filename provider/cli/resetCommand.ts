/**
 * `industrydata reset <flowSetId>/<flowId> --yes`: Graph's `reset` of an outbound provisioning flow, the
 * imperative reprocess (all current data handled as on a first run, the flow's errors cleared). Never part of a
 * plan; without --yes nothing is sent. Exit 0: reset requested; 1: not confirmed; 2: could not run.
 */
import type { Command } from "commander";
import { parseFlowResourceId, resetFlow } from "../operations";
import { addConnectionOptions, withGraphClient, type ConnectionOptions } from "./connectionOptions";
import { EXIT, explainCommandError, printable, writeJson, type CommandIo } from "./commandOutput";

interface ResetOptions extends ConnectionOptions {
  yes?: boolean;
  json?: boolean;
}

export function registerResetCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  const command = program
    .command("reset")
    .description(
      "Reset an outbound provisioning flow: Graph reprocesses all current data as on a first run and clears the flow's errors. " +
        "Requires --yes. Exit 0: requested; 1: not confirmed; 2: could not run.",
    )
    .argument("<flow>", "the flow as <flowSetId>/<flowId> (its Pulumi id)");
  addConnectionOptions(command)
    .option("--yes", "confirm: reprocess all of the flow's data")
    .option("--json", "print the result as one JSON document on stdout")
    .action(async (flow: string, options: ResetOptions) => setExit(await runReset(flow, options, io)));
}

async function runReset(flow: string, options: ResetOptions, io: CommandIo): Promise<number> {
  let address: { flowSetId: string; flowId: string };
  try {
    address = parseFlowResourceId(flow);
  } catch (error) {
    io.stderr.write(`${explainCommandError("reset", error)}\n`);
    return EXIT.error;
  }
  if (options.yes !== true) {
    io.stderr.write(
      `industrydata reset: not confirmed. Resetting flow ${printable(address.flowId)} of flow set ${printable(address.flowSetId)} makes Graph reprocess all of its ` +
        "current data as on a first run and clears its errors. Run again with --yes to do it; nothing was sent.\n",
    );
    return EXIT.failed;
  }
  try {
    return await withGraphClient(options, io.env, async (client) => {
      const reset = await resetFlow(client, address.flowSetId, address.flowId);
      if (options.json === true) writeJson(io, { reset: true, flowSetId: address.flowSetId, ...reset });
      else io.stdout.write(`Reset requested for ${printable(reset.kind)} ${printable(reset.flowId)} in flow set ${printable(address.flowSetId)}: Graph reprocesses all of its data on the next run.\n`);
      return EXIT.ok;
    });
  } catch (error) {
    io.stderr.write(`${explainCommandError("reset", error)}\n`);
    return EXIT.error;
  }
}
