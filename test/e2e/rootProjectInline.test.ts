/**
 * The root project's lifecycle (test/e2e/rootProjectLifecycle.ts) through the Automation API with the program
 * inline: the route issue 6 prescribes without the upstream Node.js language host, and the one `npm start` uses.
 */
import { describeRootProjectLifecycle } from "./rootProjectLifecycle";

describeRootProjectLifecycle("automation");
