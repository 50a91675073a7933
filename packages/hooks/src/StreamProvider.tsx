import {
  createStatusBatcher,
  createStatusPoller,
  createStreamClient,
  type PollingPolicy,
  type StatusBatcherOptions,
  type StreamClient,
  type Video,
} from "@streamkit/core";
import type { DeliveryConfig } from "@streamkit/core/urls";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { writePolledVideo } from "./cacheUpdates";
import { StreamContext, type StreamContextValue } from "./context";
import { streamKeys } from "./keys";
import { type LiveUpdatesConfig, useLiveUpdates } from "./liveUpdates";
import { createQueryRetry, type RetryPolicy } from "./retry";

export interface StreamProviderProps {
  /** A client made with `createStreamClient`; or give `baseUrl` and one is made for you. */
  client?: StreamClient;
  /** Where the app's Stream proxy is mounted, e.g. `/api/stream`. */
  baseUrl?: string;
  /** The account's customer code: delivery from `customer-<code>.cloudflarestream.com`. */
  customerCode?: string;
  /** Any delivery origin instead (the emulator, a custom domain). Wins over `customerCode`. */
  deliveryOrigin?: string;
  /** Player SDK script URL; defaults to Cloudflare's. */
  sdkUrl?: string;
  /** Use this QueryClient. Without it, the app's own `QueryClientProvider` is used, or one is made. */
  queryClient?: QueryClient;
  /** Overrides of the status polling policy (see `DEFAULT_POLLING_POLICY`). */
  polling?: Partial<PollingPolicy>;
  /** Status batching options (see `createStatusBatcher`). */
  batch?: StatusBatcherOptions;
  /**
   * How the hooks' queries retry (videos, lists, tokens, captions, downloads); see
   * `DEFAULT_RETRY_POLICY`. Status polling backs off by `polling` instead.
   */
  retry?: Partial<RetryPolicy>;
  /**
   * Listen to the proxy's `/events` stream (verified webhooks): ready and error reach the cache at
   * once and polling slows to a safety net. `true` uses `{baseUrl}/events`. Off by default.
   */
  liveUpdates?: boolean | LiveUpdatesConfig;
  children?: ReactNode;
}

export function StreamProvider(props: StreamProviderProps): ReactNode {
  const outer = useContext(QueryClientContext);
  const [own] = useState(() => (props.queryClient || outer ? undefined : new QueryClient()));
  const queryClient = props.queryClient ?? outer ?? own;
  if (!queryClient) throw new Error("streamkit: no QueryClient"); // unreachable; narrows the type
  const inner = <StreamServices {...props} queryClient={queryClient} />;
  // Only provide a QueryClient when the app did not, so its devtools and defaults keep working.
  return props.queryClient || !outer ? (
    <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>
  ) : (
    inner
  );
}

function StreamServices({
  client: givenClient,
  baseUrl,
  customerCode,
  deliveryOrigin,
  sdkUrl,
  queryClient,
  polling,
  batch,
  retry: retryPolicy,
  liveUpdates,
  children,
}: StreamProviderProps & { queryClient: QueryClient }): ReactNode {
  if (!givenClient && baseUrl === undefined) {
    throw new Error(
      "streamkit: <StreamProvider> needs a `client` or a `baseUrl` (where your Stream proxy is mounted).",
    );
  }
  const client = useMemo(
    () => givenClient ?? createStreamClient({ baseUrl: baseUrl ?? "" }),
    [givenClient, baseUrl],
  );
  const maxBatchSize = batch?.maxBatchSize;
  const windowMs = batch?.windowMs;
  const batcher = useMemo(
    () => createStatusBatcher(client, { maxBatchSize, windowMs }),
    [client, maxBatchSize, windowMs],
  );
  const pollingKey = JSON.stringify(polling ?? {});
  // The policy is compared by value, so an inline object does not restart polling on each render.
  const policy = useMemo<Partial<PollingPolicy>>(() => polling ?? {}, [pollingKey]);
  const poller = useMemo(
    () =>
      createStatusPoller({
        load: (uid, signal) => batcher.load(uid, { signal }),
        read: (uid) => queryClient.getQueryData<Video>(streamKeys.video(uid)),
        write: (uid, video) => writePolledVideo(queryClient, uid, video),
        policy,
      }),
    [batcher, queryClient, policy],
  );
  // No dispose on unmount: every watcher unsubscribes as it unmounts, which stops its loop, and a
  // StrictMode remount must find the same poller working.
  usePauseWhileHidden(poller);
  const liveConfig = useMemo(
    () => (liveUpdates === true ? {} : liveUpdates || undefined),
    [liveUpdates],
  );
  const liveStatus = useLiveUpdates(liveConfig, client, queryClient, poller, policy);

  const delivery = useMemo<DeliveryConfig | undefined>(() => {
    if (deliveryOrigin) return { deliveryOrigin };
    if (customerCode) return { customerCode };
    return undefined;
  }, [customerCode, deliveryOrigin]);

  const retryKey = JSON.stringify(retryPolicy ?? {});
  // Compared by value too: an inline `retry={{ retries: 0 }}` keeps the same functions.
  const retry = useMemo(() => createQueryRetry(retryPolicy), [retryKey]);

  const value = useMemo<StreamContextValue>(
    () => ({ client, batcher, poller, delivery, sdkUrl, polling: policy, retry, liveStatus }),
    [client, batcher, poller, delivery, sdkUrl, policy, retry, liveStatus],
  );
  return <StreamContext.Provider value={value}>{children}</StreamContext.Provider>;
}

/** Hidden tabs do not poll; showing or focusing the page polls unfinished videos at once. */
function usePauseWhileHidden(poller: { pause(): void; resume(): void }): void {
  useEffect(() => {
    if (typeof document === "undefined") return;
    const sync = () => (document.visibilityState === "hidden" ? poller.pause() : poller.resume());
    const onFocus = () => poller.resume();
    sync();
    document.addEventListener("visibilitychange", sync);
    window.addEventListener("focus", onFocus);
    return () => {
      document.removeEventListener("visibilitychange", sync);
      window.removeEventListener("focus", onFocus);
    };
  }, [poller]);
}
