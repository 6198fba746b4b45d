/** The operational commands of `industrydata` (issue 22), each in its own module, registered in one call. */
import type { Command } from "commander";
import type { CommandIo } from "./commandOutput";
import { registerHealthCommand } from "./healthCommand";
import { registerResetCommand } from "./resetCommand";
import { registerRunsCommand } from "./runsCommand";
import { registerUploadCommand } from "./uploadCommand";
import { registerValidateCommand } from "./validateCommand";

/** Adds upload, validate, runs, reset and health to the program; `setExit` records the command's exit code. */
export function registerOperationalCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  registerUploadCommand(program, io, setExit);
  registerValidateCommand(program, io, setExit);
  registerRunsCommand(program, io, setExit);
  registerResetCommand(program, io, setExit);
  registerHealthCommand(program, io, setExit);
}
