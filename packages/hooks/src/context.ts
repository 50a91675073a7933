import type { PollingPolicy, StatusBatcher, StatusPoller, StreamClient } from "@streamkit/core";
import type { LiveUpdatesStatus } from "@streamkit/core/live";
import type { DeliveryConfig } from "@streamkit/core/urls";
import { createContext, useContext } from "react";
import type { QueryRetry } from "./retry";

export interface StreamContextValue {
  client: StreamClient;
  batcher: StatusBatcher;
  poller: StatusPoller;
  /** Where players and thumbnails load from; undefined when the app gave neither option. */
  delivery: DeliveryConfig | undefined;
  /** The player SDK script URL, when the app overrides Cloudflare's. */
  sdkUrl: string | undefined;
  polling: Partial<PollingPolicy>;
  /** `retry` and `retryDelay` of every query the hooks run, from the provider's `retry` policy. */
  retry: QueryRetry;
  /** The `/events` stream: `off` unless `liveUpdates` is set on the provider. */
  liveStatus: LiveUpdatesStatus | "off";
}

export const StreamContext = createContext<StreamContextValue | null>(null);

/** Everything `StreamProvider` set up; throws a clear error outside one. */
export function useStreamContext(): StreamContextValue {
  const value = useContext(StreamContext);
  if (!value) {
    throw new Error(
      "streamkit: this hook needs a <StreamProvider> above it (from @streamkit/hooks).",
    );
  }
  return value;
}

/** The typed client of the app's Stream proxy. */
export function useStreamClient(): StreamClient {
  return useStreamContext().client;
}

/** The provider's services, or `null` outside one: for components that also work standalone. */
export function useOptionalStreamContext(): StreamContextValue | null {
  return useContext(StreamContext);
}
