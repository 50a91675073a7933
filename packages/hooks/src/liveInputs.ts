import { type StreamClient, StreamValidationError } from "@streamkit/core";
import {
  getLiveInput,
  type LiveInput,
  type LiveInputList,
  listLiveInputs,
  liveInputPhase,
} from "@streamkit/core/live-inputs";
import { queryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { liveInputKeys } from "./liveInputKeys";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";
import { useVideos } from "./useVideos";

/** Query options for the account's live inputs (`GET /live_inputs`, counts included). */
export function liveInputsQueryOptions(client: StreamClient) {
  return queryOptions<LiveInputList>({
    queryKey: liveInputKeys.list(),
    queryFn: ({ signal }) => listLiveInputs(client, { include_counts: true }, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

/** Query options for one live input, credentials and connection status included. */
export function liveInputQueryOptions(client: StreamClient, uid: string) {
  return queryOptions<LiveInput>({
    queryKey: liveInputKeys.detail(uid),
    queryFn: ({ signal }) => getLiveInput(client, uid, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

export interface UseLiveInputsOptions {
  /** Defaults to true. */
  enabled?: boolean;
}

/** The account's live inputs (behind a scoped proxy, the caller's), without credentials. */
export function useLiveInputs({
  enabled = true,
}: UseLiveInputsOptions = {}): UseQueryResult<LiveInputList, Error> {
  const { client, retry } = useStreamContext();
  return useQuery({ ...liveInputsQueryOptions(client), ...retry, enabled });
}

export interface UseLiveInputOptions {
  /** Defaults to true. */
  enabled?: boolean;
  /**
   * Milliseconds between status polls: a broadcaster connects or drops whenever it likes. While
   * the input waits or is on air, defaults to the provider's `polling.waitingMs` (2 s); once the
   * broadcast ended, to `polling.processingMs` (5 s), for the next one. A disabled input, a
   * hidden page and an error retrying cannot fix (404, a malformed uid) stop it.
   */
  intervalMs?: number;
}

/**
 * One live input: its credentials (RTMPS URL and key, SRT, WebRTC), settings and connection
 * `status`, kept fresh by polling; `liveInputPhase(data)` reads the status as a phase. A
 * malformed uid fails at once with `StreamValidationError`; no uid keeps it idle.
 */
export function useLiveInput(
  uid: string | undefined,
  { enabled = true, intervalMs }: UseLiveInputOptions = {},
): UseQueryResult<LiveInput, Error> {
  const { client, retry, polling } = useStreamContext();
  const { key, run } = queryUid(uid);
  return useQuery({
    ...liveInputQueryOptions(client, key),
    ...retry,
    enabled: enabled && run,
    refetchInterval: ({ state }) => {
      if (state.error && !shouldRetry(0, state.error)) return false;
      if (state.error instanceof StreamValidationError) return false;
      const input = state.data;
      if (!input || input.enabled === false) return false;
      if (intervalMs !== undefined) return intervalMs;
      const phase = liveInputPhase(input);
      return phase === "ended" || phase === "errored"
        ? (polling.processingMs ?? 5_000)
        : (polling.waitingMs ?? 2_000);
    },
  });
}

/**
 * The recordings of a live input (videos with `liveInput` set, newest first): `useVideos` with
 * `live_input_id`, so they page, poll and share the cache like every list.
 */
export function useLiveRecordings(uid: string | undefined, { enabled = true } = {}) {
  const { key, run } = queryUid(uid);
  return useVideos({ live_input_id: key }, { enabled: enabled && run });
}
