import { compileScope, matchTarget, type ScopeMatcher } from "./match";
import { randomSeed, seededRandom } from "./random";
import {
  FAULT_TYPES,
  FAULTS_PATH,
  type Fault,
  type FaultConfig,
  type FaultLogEntry,
  type FaultRuleState,
  type FaultState,
  type FaultType,
  type LatencyFault,
} from "./types";
import { parseFaultConfig } from "./validate";

/** How many requests `recent` keeps. */
const RECENT = 200;

interface CompiledRule {
  state: FaultRuleState;
  matches: ScopeMatcher;
}

/** What one request meets. */
export interface FaultDecision {
  latencyMs: number;
  /** The first non-latency rule that fired, if any. */
  fault: Exclude<Fault, LatencyFault> | undefined;
  /** Takes the fault back when it turned out not to apply (a `malformed` on an empty body). */
  undo(): void;
}

type Counts = Record<FaultType | "total", number>;

const zero = (): Counts =>
  Object.fromEntries([...FAULT_TYPES, "total"].map((t) => [t, 0])) as Counts;

/** Holds the rules and the counts; one per emulator. */
export class FaultController {
  #rules: CompiledRule[] = [];
  #seed = 0;
  #random: () => number = Math.random;
  #requests = 0;
  #injected = zero();
  #recent: FaultLogEntry[] = [];

  constructor(
    config: FaultConfig | undefined,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.set(config ?? { rules: [] }, true);
  }

  /** Replaces the rules (checked first) and starts the counts and the generator afresh. */
  set(config: unknown, quiet = false): FaultState {
    const parsed = parseFaultConfig(config);
    this.#seed = parsed.seed ?? randomSeed();
    this.#random = seededRandom(this.#seed);
    this.#rules = parsed.rules.map((rule, index) => ({
      state: { name: rule.name ?? `#${index} ${rule.type}`, rule, matched: 0, injected: 0 },
      matches: compileScope(rule),
    }));
    this.#requests = 0;
    this.#injected = zero();
    this.#recent = [];
    // Starting without rules is the normal case and says nothing; turning them off does.
    if (!quiet || parsed.rules.length > 0) {
      this.log(
        parsed.rules.length === 0
          ? "fault injection off"
          : `fault injection on: ${parsed.rules.length} rule(s), seed ${this.#seed} (GET ${FAULTS_PATH} for counts)`,
      );
    }
    return this.state();
  }

  /** Removes every rule; returns the state as it was just before. */
  clear(): FaultState {
    const before = this.state();
    this.set({ rules: [] }, before.rules.length === 0);
    return before;
  }

  /** A copy: callers may keep or change it without touching the live counts. */
  state(): FaultState {
    return {
      seed: this.#seed,
      requests: this.#requests,
      injected: { ...this.#injected },
      rules: this.#rules.map((r) => ({ ...r.state, rule: { ...r.state.rule } })),
      recent: this.#recent.map((entry) => ({ ...entry, faults: [...entry.faults] })),
    };
  }

  /**
   * Decides what happens to one request, and counts it. Every rule in scope counts the request
   * as matched, even after another fired, so `skip` and `times` mean the same whatever the order.
   */
  decide(method: string, path: string, hasBody: boolean): FaultDecision {
    this.#requests += 1;
    const entry: FaultLogEntry = { at: Date.now(), method, path, faults: [] };
    this.#recent.push(entry);
    if (this.#recent.length > RECENT) this.#recent.shift();
    const target = matchTarget(method, path);
    let latencyMs = 0;
    let fired: CompiledRule | undefined;
    for (const compiled of this.#rules) {
      const { state } = compiled;
      const rule = state.rule;
      if (!compiled.matches(target)) continue;
      if (rule.type === "truncate-upload" && !hasBody) continue;
      state.matched += 1;
      if (rule.type !== "latency" && fired) continue;
      if (rule.skip !== undefined && state.matched <= rule.skip) continue;
      if (rule.times !== undefined && state.injected >= rule.times) continue;
      if (rule.rate !== undefined && rule.rate < 1 && !(this.#random() < rule.rate)) continue;
      state.injected += 1;
      this.#injected[rule.type] += 1;
      this.#injected.total += 1;
      entry.faults.push(rule.type);
      if (rule.type === "latency") {
        const [min, max] = Array.isArray(rule.ms) ? rule.ms : [rule.ms, rule.ms];
        latencyMs += Math.round(min + (max - min) * this.#random());
      } else fired = compiled;
    }
    const fault = fired?.state.rule as Exclude<Fault, LatencyFault> | undefined;
    return {
      latencyMs,
      fault,
      undo: () => {
        if (!fired || !fault) return;
        fired.state.injected -= 1;
        this.#injected[fault.type] -= 1;
        this.#injected.total -= 1;
        entry.faults.splice(entry.faults.lastIndexOf(fault.type), 1);
      },
    };
  }
}
