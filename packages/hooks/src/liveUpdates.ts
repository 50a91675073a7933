import type { PollingPolicy, StatusPoller, StreamClient, Video } from "@streamkit/core";
import {
  connectLiveUpdates,
  type EventSourceConstructor,
  type LiveUpdatesStatus,
} from "@streamkit/core/live";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { writePolledVideo } from "./cacheUpdates";
import { streamKeys } from "./keys";

export interface LiveUpdatesConfig {
  /** The proxy's events route. Defaults to `{baseUrl}/events`. */
  url?: string;
  /** For runtimes without a global EventSource (tests, older browsers): a polyfill. */
  EventSource?: EventSourceConstructor;
  withCredentials?: boolean;
  /**
   * How polling behaves while events flow: a slow safety net that catches a missed webhook and
   * keeps progress percentages moving. Defaults to `SAFETY_NET_POLICY`.
   */
  safetyNet?: Partial<PollingPolicy>;
}

/** Polling while webhooks arrive through `/events`: every 15 s while waiting, 30 s while encoding. */
export const SAFETY_NET_POLICY: Partial<PollingPolicy> = {
  waitingMs: 15_000,
  processingMs: 30_000,
};

/**
 * Subscribes to the proxy's webhook events: each video lands in the cache at once (detail and
 * lists), each live input event refetches the live inputs and video lists, and polling slows to a safety net while the stream is open, back to normal when not.
 */
export function useLiveUpdates(
  config: LiveUpdatesConfig | undefined,
  client: StreamClient,
  queryClient: QueryClient,
  poller: StatusPoller,
  policy: Partial<PollingPolicy>,
): LiveUpdatesStatus | "off" {
  const [status, setStatus] = useState<LiveUpdatesStatus | "off">("off");
  const url = config ? (config.url ?? `${client.baseUrl}/events`) : undefined;
  const Source = config?.EventSource;
  const withCredentials = config?.withCredentials;
  useEffect(() => {
    if (!url) {
      setStatus("off");
      return;
    }
    const connection = connectLiveUpdates({
      url,
      EventSource: Source,
      withCredentials,
      onStatus: setStatus,
      onVideo: (video: Video) => {
        writePolledVideo(queryClient, video.uid as string, video);
        poller.notify(video.uid as string);
      },
      // A broadcast came or went: its input (and lists) refetch, and video lists pick up the
      // recording it started or finished. Only the mounted queries refetch.
      onLiveInput: () => {
        queryClient.invalidateQueries({ queryKey: [...streamKeys.all, "liveInputs"] });
        queryClient.invalidateQueries({ queryKey: streamKeys.lists() });
      },
    });
    return () => connection.close();
  }, [url, Source, withCredentials, queryClient, poller]);

  const safetyNet = config?.safetyNet;
  useEffect(() => {
    poller.setPolicy(
      status === "open" ? { ...policy, ...SAFETY_NET_POLICY, ...safetyNet } : policy,
    );
  }, [status, poller, policy, safetyNet]);
  return status;
}
