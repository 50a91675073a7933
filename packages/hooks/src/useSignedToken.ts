import { type SignedTokenRequest, type StreamClient, tokenExpiry } from "@streamkit/core";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";

/** What the token allows; `ttlSeconds` rather than an absolute `exp`, so the options stay stable. */
export interface SignedTokenOptions {
  /** Lifetime of each token. Defaults to the API's (1 hour); at most 24 hours. */
  ttlSeconds?: number;
  /** Allow MP4/M4A download URLs with this token. */
  downloadable?: boolean;
  accessRules?: SignedTokenRequest["accessRules"];
  flags?: SignedTokenRequest["flags"];
}

export interface UseSignedTokenOptions extends SignedTokenOptions {
  enabled?: boolean;
  /** Seconds before expiry to fetch the next token. Defaults to 60, or half a short lifetime. */
  refreshMarginSeconds?: number;
}

export interface SignedToken {
  token: string;
  /** Milliseconds since the epoch; undefined when the token does not say. */
  expiresAt: number | undefined;
  /** When it was fetched, to size the refresh margin of short-lived tokens. */
  fetchedAt: number;
}

export function signedTokenQueryOptions(
  client: StreamClient,
  uid: string,
  options: SignedTokenOptions = {},
) {
  const { ttlSeconds, downloadable, accessRules, flags } = options;
  const key = { ttlSeconds, downloadable, accessRules, flags };
  return queryOptions<SignedToken>({
    queryKey: streamKeys.token(uid, key),
    queryFn: async ({ signal }) => {
      const fetchedAt = Date.now();
      const request: SignedTokenRequest = { downloadable, accessRules, flags };
      if (ttlSeconds !== undefined) request.exp = Math.floor(fetchedAt / 1000) + ttlSeconds;
      const { token } = await client.createSignedToken(uid, request, { signal });
      return { token, expiresAt: tokenExpiry(token), fetchedAt };
    },
    retry: shouldRetry,
    retryDelay,
  });
}

/** Milliseconds from now until the token should be replaced. */
function refreshIn(data: SignedToken, marginSeconds: number, now = Date.now()): number {
  if (data.expiresAt === undefined) return 30 * 60_000;
  const lifetime = data.expiresAt - data.fetchedAt;
  const margin = Math.min(marginSeconds * 1000, lifetime / 2);
  return Math.max(1_000, data.expiresAt - margin - now);
}

/**
 * A signed playback token for a private video (`requireSignedURLs`), from the proxy. One token per
 * uid and options is shared by every component; it is replaced before it expires (also while the
 * tab is hidden, since a playing video needs it), and `refresh()` replaces it at once, e.g. after
 * a 401/403 from a player or an image.
 */
export function useSignedToken(uid: string | undefined, options: UseSignedTokenOptions = {}) {
  const { enabled = true, refreshMarginSeconds = 60, ...tokenOptions } = options;
  const { client, retry } = useStreamContext();
  const queryClient = useQueryClient();
  const { key, run } = queryUid(uid);
  const base = signedTokenQueryOptions(client, key, tokenOptions);
  const query = useQuery({
    ...base,
    ...retry,
    enabled: enabled && run,
    staleTime: (q) => (q.state.data ? refreshIn(q.state.data, refreshMarginSeconds) : 0),
    refetchInterval: (q) => (q.state.data ? refreshIn(q.state.data, refreshMarginSeconds) : false),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
  });
  // Compared by content: a new options object with the same values is the same token.
  const keyJson = JSON.stringify(base.queryKey);
  const refresh = useCallback(
    () => queryClient.refetchQueries({ queryKey: JSON.parse(keyJson) as unknown[], exact: true }),
    [queryClient, keyJson],
  );
  return {
    token: query.data?.token,
    expiresAt: query.data?.expiresAt,
    error: query.error ?? undefined,
    isLoading: query.isLoading,
    refresh,
  };
}
