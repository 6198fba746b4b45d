/**
 * The benchmark's stack: N flow sets, each with one flow of each kind, as engine-driven resources. Every
 * resource's registered inputs are cloned from one serialized template per kind (the `__provider` text the
 * program would register is the same for every resource of a kind; only names and values differ), so the
 * expensive serialization under mocks runs five times, not 5·N times.
 */
import { EngineResource, ProviderHost, RegisteredResource } from "../test/harness";
import { changes, flowKinds, FlowKind, MemberKind } from "./fleetDeclarations";

/** One resource of the stack. */
export interface FleetMember {
  kind: MemberKind;
  /** Index of the flow set the resource belongs to. */
  setIndex: number;
  name: string;
  urn: string;
  resource: EngineResource;
  /** Selected for the update phase's one-property change. */
  selectedForChange: boolean;
  /** Inputs as the program registers them now (flows: their set's id; with `setChanged(true)`, the change). */
  goal(): Record<string, unknown>;
  /** From now on the program declares the changed value, or the original one again (selected flows only). */
  setChanged(changed: boolean): void;
}

/** A flow set and its four flows. */
export interface FleetSet {
  index: number;
  set: FleetMember;
  flows: FleetMember[];
}

/** All resources of the stack. */
export interface Fleet {
  sets: FleetSet[];
  /** Every flow, set by set. */
  flows: FleetMember[];
  /** Flows selected for the update phase. */
  changed: FleetMember[];
}

/** 10% of the flows (at least one), spread over the sets and rotating through the kinds. */
export function changedFlowKeys(setCount: number): Set<string> {
  const flowCount = setCount * flowKinds.length;
  const count = Math.max(1, Math.round(flowCount / 10));
  const keys = new Set<string>();
  for (let j = 0; j < count; j++) keys.add(`${Math.floor((j * setCount) / count)}:${flowKinds[j % flowKinds.length]}`);
  return keys;
}

/** Builds the stack's resources over a host from one serialized template per kind. */
export function buildFleet(options: {
  host: ProviderHost;
  templates: Record<MemberKind, RegisteredResource>;
  setCount: number;
}): Fleet {
  const { host, templates, setCount } = options;
  const selected = changedFlowKeys(setCount);
  const sets: FleetSet[] = [];
  for (let i = 0; i < setCount; i++) {
    const setTemplate = templates.flowSet;
    const set = member({ host, template: setTemplate, kind: "flowSet", setIndex: i, selected: false }, () => ({
      ...setTemplate.inputs,
      displayName: `Bench district ${i}`,
    }));
    const flows = flowKinds.map((kind) => flowMember({ host, template: templates[kind], kind, setIndex: i, set, selected: selected.has(`${i}:${kind}`) }));
    sets.push({ index: i, set, flows });
  }
  const flows = sets.flatMap((s) => s.flows);
  return { sets, flows, changed: flows.filter((f) => f.selectedForChange) };
}

interface MemberOptions {
  host: ProviderHost;
  template: RegisteredResource;
  kind: MemberKind;
  setIndex: number;
  selected: boolean;
}

function member(
  options: MemberOptions,
  goal: () => Record<string, unknown>,
  setChanged: (changed: boolean) => void = () => undefined,
): FleetMember {
  const { host, template, kind, setIndex, selected } = options;
  const name = `${template.name}-${setIndex}`;
  // The template's URN ends with its own name; everything before (stack, project, type) is shared.
  const urn = `${template.urn.slice(0, template.urn.length - template.name.length)}${name}`;
  return { kind, setIndex, name, urn, resource: new EngineResource(host, urn), selectedForChange: selected, goal, setChanged };
}

function flowMember(options: MemberOptions & { kind: FlowKind; set: FleetMember }): FleetMember {
  const { template, kind, set } = options;
  let changed = false;
  const goal = () => {
    const setId = set.resource.state?.id;
    if (!setId) throw new Error(`${set.name} has no id yet: flows are declared after their set exists`);
    const change = changed ? { [changes[kind].property]: changes[kind].value } : {};
    return { ...template.inputs, flowSetId: setId, ...change };
  };
  return member(options, goal, (on) => {
    if (!options.selected) throw new Error(`flow ${template.name}-${options.setIndex} was not selected for change`);
    changed = on;
  });
}
