/**
 * One resource's life as the Pulumi engine runs it (pkg/resource/deploy/step_generator.go, simplified to
 * a single resource): it keeps the state the engine would keep (id, checked inputs, outputs, secret marks
 * included) and turns "the program now declares these inputs" into the same RPC sequence `pulumi up`,
 * `pulumi refresh` and `pulumi destroy` would send.
 */
import { isDeepStrictEqual } from "util";
import { DiffResult, ProviderHost } from "./providerHost";
import { revealSecrets } from "./propertyValues";

/** What the engine's state file holds for the resource. */
export interface ResourceState {
  id: string;
  /** Checked inputs (Check's answer), stored as the resource's inputs. */
  inputs: Record<string, unknown>;
  /** Outputs as last returned by Create/Update/Read. */
  outputs: Record<string, unknown>;
}

/** The step the engine took for one `up`. */
export type StepOp = "create" | "same" | "update" | "replace" | "create-replacement" | "failed-check";

/** What one `up` did. */
export interface UpResult {
  op: StepOp;
  failures: { property: string; reason: string }[];
  diff?: DiffResult;
  /** RPC methods called, in order ("check", "diff", "update", …). */
  calls: string[];
}

/** Drives one resource through a provider host with engine semantics. */
export class EngineResource {
  /** The engine's stored state, undefined before the first create or after delete/gone. */
  state?: ResourceState;

  constructor(
    private readonly host: ProviderHost,
    readonly urn: string,
  ) {}

  /** `pulumi up` for this resource with the program's registered inputs (`__provider` included). */
  async up(goal: Record<string, unknown>): Promise<UpResult> {
    const calls: string[] = ["check"];
    const checked = await this.host.check(this.urn, this.state?.inputs ?? {}, goal);
    if (checked.failures.length > 0) return { op: "failed-check", failures: checked.failures, calls };
    const inputs = checked.inputs;
    if (!this.state) {
      calls.push("create");
      const created = await this.host.create(this.urn, inputs);
      this.state = { id: created.id, inputs, outputs: created.properties };
      return { op: "create", failures: [], calls };
    }
    const old = this.state;
    calls.push("diff");
    const diff = await this.host.diff(this.urn, old.id, old.outputs, inputs, old.inputs);
    const changed = diff.changes === "DIFF_SOME" || (diff.changes === "DIFF_UNKNOWN" && !sameInputs(old.inputs, inputs));
    if (!changed) return { op: "same", failures: [], diff, calls };
    if (diff.replaces.length > 0) {
      if (diff.deleteBeforeReplace) {
        calls.push("delete", "create");
        await this.host.delete(this.urn, old.id, old.outputs, old.inputs);
        this.state = undefined;
        const created = await this.host.create(this.urn, inputs);
        this.state = { id: created.id, inputs, outputs: created.properties };
        return { op: "replace", failures: [], diff, calls };
      }
      calls.push("create", "delete");
      const created = await this.host.create(this.urn, inputs);
      this.state = { id: created.id, inputs, outputs: created.properties };
      await this.host.delete(this.urn, old.id, old.outputs, old.inputs);
      return { op: "create-replacement", failures: [], diff, calls };
    }
    calls.push("update");
    const updated = await this.host.update(this.urn, old.id, old.outputs, inputs, old.inputs);
    this.state = { id: old.id, inputs, outputs: updated.properties };
    return { op: "update", failures: [], diff, calls };
  }

  /** `pulumi preview`: Check then Diff against the stored state, no change made. */
  async preview(goal: Record<string, unknown>): Promise<{ failures: { property: string; reason: string }[]; diff?: DiffResult }> {
    const checked = await this.host.check(this.urn, this.state?.inputs ?? {}, goal);
    if (checked.failures.length > 0 || !this.state) return { failures: checked.failures };
    const diff = await this.host.diff(this.urn, this.state.id, this.state.outputs, checked.inputs, this.state.inputs);
    return { failures: [], diff };
  }

  /** `pulumi refresh`: Read with the stored outputs and inputs; an empty id means the resource is gone. */
  async refresh(): Promise<{ gone: boolean; state?: ResourceState }> {
    if (!this.state) throw new Error(`${this.urn} has no state to refresh`);
    const read = await this.host.read(this.urn, this.state.id, this.state.outputs, this.state.inputs);
    if (!read.id) {
      this.state = undefined;
      return { gone: true };
    }
    this.state = { id: read.id, inputs: read.inputs ?? this.state.inputs, outputs: read.properties };
    return { gone: false, state: this.state };
  }

  /** `pulumi destroy` for this resource. */
  async destroy(): Promise<void> {
    if (!this.state) return;
    await this.host.delete(this.urn, this.state.id, this.state.outputs, this.state.inputs);
    this.state = undefined;
  }
}

/** The engine's fallback when a provider answers DIFF_UNKNOWN: compare old and new inputs. */
function sameInputs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return isDeepStrictEqual(revealSecrets(a), revealSecrets(b));
}
