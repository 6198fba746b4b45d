/**
 * Issue 18 on the TypeScript front end (the dynamic resources): an `up` killed with SIGKILL at each wave of
 * creates leaves no duplicate, and the follow-up needs only what the next `up`'s error says. See interruptedUp.ts.
 */
import { TEST_TOKENS } from "../support/testSecrets";
import { describeWithCli } from "./pulumiRoutes";
import { interruptedUpSuite } from "./interruptedUp";

describeWithCli("an interrupted pulumi up (TypeScript, the dynamic resources)", () => interruptedUpSuite("typescript", TEST_TOKENS.interruptedUp));
