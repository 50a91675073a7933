import type { PollingPolicy, StatusPoller, StreamClient, Video } from "@streamkit/core";
import {
  connectLiveUpdates,
  type EventSourceConstructor,
  type LiveUpdatesStatus,
} from "@streamkit/core/live";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { writePolledVideo } from "./cacheUpdates";

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
 * lists), and polling slows to a safety net while the stream is open, back to normal when not.
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
        const uid = video.uid as string;
        writePolledVideo(queryClient, uid, video);
        poller.notify(uid);
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
