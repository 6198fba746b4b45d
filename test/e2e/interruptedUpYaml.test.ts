/**
 * Issue 18 on the Pulumi YAML front end (the provider plugin): an `up` killed with SIGKILL at each wave of creates
 * leaves no duplicate, and the follow-up needs only what the next `up`'s error says. See interruptedUp.ts.
 */
import { TEST_TOKENS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli } from "./pulumiRoutes";
import { interruptedUpSuite } from "./interruptedUp";

describeWithCli("an interrupted pulumi up (Pulumi YAML, the provider plugin)", () => interruptedUpSuite("yaml", TEST_TOKENS.interruptedUp), { tools: CLI_TOOLS.yaml });
