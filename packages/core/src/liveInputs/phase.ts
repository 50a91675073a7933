import type { LiveInputStatus } from "./types";

/**
 * Where a live input's broadcast stands, in words a UI can switch on:
 * - `idle`: nothing has been broadcast yet, or the input is waiting for the next broadcast;
 * - `connecting`: a broadcaster is connecting (its configuration was just accepted);
 * - `live`: a broadcast is coming in;
 * - `reconnecting`: the broadcaster dropped and Stream is waiting for it to come back;
 * - `ended`: the broadcaster disconnected (or the broadcast hit its time limit);
 * - `errored`: a broadcaster could not connect or reconnect.
 */
export type LiveInputPhase = "idle" | "connecting" | "live" | "reconnecting" | "ended" | "errored";

const PHASE_OF: Record<NonNullable<LiveInputStatus>, LiveInputPhase> = {
  connected: "live",
  reconnected: "live",
  reconnecting: "reconnecting",
  new_configuration_accepted: "connecting",
  client_disconnect: "ended",
  ttl_exceeded: "ended",
  failed_to_connect: "errored",
  failed_to_reconnect: "errored",
};

/**
 * The phase of a live input from its `status`. The schema types `status` as a string or `null`;
 * the live API has also been seen answering `{ current: { state } }`, so both are read. An
 * unknown status (one Cloudflare adds later) reads as `idle` rather than throwing.
 */
export function liveInputPhase(input: { status?: unknown } | null | undefined): LiveInputPhase {
  const status = input?.status;
  const state =
    typeof status === "object" && status !== null
      ? (status as { current?: { state?: unknown } }).current?.state
      : status;
  return typeof state === "string" && Object.hasOwn(PHASE_OF, state)
    ? PHASE_OF[state as keyof typeof PHASE_OF]
    : "idle";
}

/** A broadcast is coming in or about to (the player should be showing it). */
export const isOnAir = (phase: LiveInputPhase): boolean =>
  phase === "live" || phase === "connecting" || phase === "reconnecting";
