/**
 * The root project's lifecycle (test/e2e/rootProjectLifecycle.ts) through the `pulumi` command itself, whose engine
 * runs the program with our Node.js language host (tools/pulumi-cli), as a user typing `pulumi up` does.
 */
import { describeRootProjectLifecycle } from "./rootProjectLifecycle";

describeRootProjectLifecycle("cli");
