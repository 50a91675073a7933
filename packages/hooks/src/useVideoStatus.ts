import {
  type ErrorReason,
  errorReason,
  isUid,
  type PollerState,
  StreamValidationError,
  type Video,
  type VideoPhase,
  videoPhase,
  videoProgress,
} from "@streamkit/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { useStreamContext } from "./context";
import { videoQueryOptions } from "./queryOptions";

export interface UseVideoStatusOptions {
  /** Defaults to true. When false nothing is fetched and polling stops. */
  enabled?: boolean;
  /** Called once per uid when the video is seen ready, including when it already was at mount. */
  onReady?: (video: Video) => void;
  /** Called once per uid when the video is seen in the `error` state. */
  onError?: (video: Video, reason: ErrorReason) => void;
}

export interface VideoStatusResult {
  video: Video | undefined;
  /** `undefined` until the first answer. */
  phase: VideoPhase | undefined;
  /** 0..1; 1 once ready. */
  progress: number;
  isReady: boolean;
  /** The last failed poll's error (typed: StreamApiError, StreamNetworkError, StreamValidationError). */
  error: Error | undefined;
  /** Why processing failed, when `phase` is `error`. */
  errorReason: ErrorReason | undefined;
  /** A poll is in flight. */
  isFetching: boolean;
  /** Poll now. */
  refresh: () => void;
}

const IDLE: PollerState = { error: undefined, failures: 0, fetching: false, active: false };

/**
 * Live processing status of one video. Every component watching the same uid shares one poll loop,
 * and polls of different uids in the same moment share one request. Polling follows the core
 * policy, stops at ready or error, and pauses while the page is hidden.
 */
export function useVideoStatus(
  uid: string | undefined,
  options: UseVideoStatusOptions = {},
): VideoStatusResult {
  const { enabled = true } = options;
  const { poller, client, retry } = useStreamContext();
  const valid = isUid(uid);
  const active = enabled && valid;

  // The cache entry shared with useVideo. The poller fills it, so this observer never fetches
  // (`enabled: false`); but TanStack copies an observer's options onto the query, and an app's
  // `refetchQueries`/`invalidateQueries` run whatever `queryFn` the query holds, so it must be
  // the real one: the same options as `useVideo`'s.
  const { data: video } = useQuery<Video>({
    ...videoQueryOptions(client, valid ? uid : ""),
    ...retry,
    enabled: false,
  });

  const subscribe = useCallback(
    (onChange: () => void) => (active ? poller.watch(uid, onChange) : () => {}),
    [poller, uid, active],
  );
  const getState = useCallback(() => (active ? poller.getState(uid) : IDLE), [poller, uid, active]);
  const state = useSyncExternalStore(subscribe, getState, () => IDLE);

  // Data that reached the cache from elsewhere (a mutation, a webhook) re-plans the loop.
  useEffect(() => {
    if (active && video) poller.notify(uid);
  }, [poller, uid, active, video]);

  useTerminalCallbacks(valid ? uid : undefined, video, options);

  const invalid = uid !== undefined && uid !== "" && !valid;
  const error = useMemo(
    () =>
      invalid
        ? new StreamValidationError("uid", "expected 32 lowercase hex characters")
        : asError(state.error),
    [invalid, state.error],
  );
  const refresh = useCallback(() => {
    if (active) poller.refresh(uid);
  }, [poller, uid, active]);

  return {
    video,
    phase: video ? videoPhase(video) : undefined,
    progress: videoProgress(video),
    isReady: video ? videoPhase(video) === "ready" : false,
    error,
    errorReason: errorReason(video),
    isFetching: state.fetching,
    refresh,
  };
}

function useTerminalCallbacks(
  uid: string | undefined,
  video: Video | undefined,
  options: UseVideoStatusOptions,
): void {
  const latest = useRef(options);
  latest.current = options;
  const fired = useRef<string | undefined>(undefined);
  const phase = video ? videoPhase(video) : undefined;
  useEffect(() => {
    if (!uid || !video || (phase !== "ready" && phase !== "error")) return;
    const key = `${uid}:${phase}`;
    if (fired.current === key) return;
    fired.current = key;
    if (phase === "ready") latest.current.onReady?.(video);
    else {
      const reason = errorReason(video);
      if (reason) latest.current.onError?.(video, reason);
    }
  }, [uid, video, phase]);
}

function asError(value: unknown): Error | undefined {
  if (value === undefined || value === null) return undefined;
  return value instanceof Error ? value : new Error(String(value));
}
