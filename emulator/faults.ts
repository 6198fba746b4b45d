/**
 * Fault injection: the next `count` requests matching a rule (method, path prefix or regex) are answered
 * with an error status in Graph's envelope (optionally with Retry-After), delayed, have their connection
 * dropped, or are held (see holds.ts). Rules are consumed in the order they were added; `skip` lets that many
 * matching requests through first, so a rule can aim at the n-th one.
 */

/** A fault as `POST /_emulator/faults` takes it. */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Path prefix, with or without the `/beta` prefix (`/external/industryData/…`); any when absent. */
  path?: string;
  /** Regular expression tested against the full path (with `/beta`). */
  pathRegex?: string;
  /** Status to answer with (e.g. 429, 503); none = pass through after `delayMs`. */
  status?: number;
  /** Graph error code for the envelope (defaults from the status). */
  code?: string;
  message?: string;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
  /** Wait this long before answering (or passing through). */
  delayMs?: number;
  /** Destroy the connection without answering. */
  drop?: boolean;
  /** How many matching requests this rule applies to (default 1). */
  count?: number;
  /** Let this many matching requests through untouched before the rule applies (default 0): `skip: 2` hits the third. */
  skip?: number;
  /**
   * Hold the request once it is authorized and its body read, just before the service acts on it, until released
   * (`POST /_emulator/holds/release`) or until its client goes away; then it is served normally.
   */
  hold?: boolean;
}

/** Where in the request path a rule applies: before auth (status, delay, drop) or just before the handler (hold). */
export type FaultPhase = "gateway" | "handler";

/** The phase a rule applies in. */
export function faultPhase(rule: FaultRule): FaultPhase {
  return rule.hold ? "handler" : "gateway";
}

/** A stored rule with its id and remaining uses. */
export interface ActiveFault extends FaultRule {
  id: number;
  remaining: number;
  /** Matching requests still to let through before the rule applies. */
  skipRemaining: number;
}

/** True when `rule` applies to a request. */
export function faultMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path) {
    const lower = path.toLowerCase();
    const prefix = rule.path.toLowerCase();
    const withoutVersion = lower.replace(/^\/beta(?=\/)/, "");
    if (!lower.startsWith(prefix) && !withoutVersion.startsWith(prefix)) return false;
  }
  if (rule.pathRegex && !new RegExp(rule.pathRegex).test(path)) return false;
  return true;
}

/** The active fault rules. */
export class FaultInjector {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a rule; throws on an invalid regex. */
  add(rule: FaultRule): ActiveFault {
    if (rule.pathRegex) new RegExp(rule.pathRegex);
    const active = { ...rule, id: this.nextId++, remaining: rule.count ?? 1, skipRemaining: rule.skip ?? 0 };
    this.rules.push(active);
    return active;
  }

  /**
   * Consumes one use of the first rule of `phase` matching the request, if any. A rule still skipping counts the
   * request and lets it through (the request is not offered to later rules: it was this rule's to skip).
   */
  take(method: string, path: string, phase: FaultPhase = "gateway"): ActiveFault | undefined {
    const rule = this.rules.find((r) => faultPhase(r) === phase && faultMatches(r, method, path));
    if (!rule) return undefined;
    if (rule.skipRemaining > 0) {
      rule.skipRemaining -= 1;
      return undefined;
    }
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}
