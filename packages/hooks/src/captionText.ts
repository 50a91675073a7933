import type { StreamClient } from "@streamkit/core";
import { getCaptionText } from "@streamkit/core/captions";
import {
  type QueryClient,
  queryOptions,
  type UseQueryResult,
  useQuery,
} from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for the WebVTT text of one caption (`GET /{uid}/captions/{language}/vtt`). */
export function captionTextQueryOptions(client: StreamClient, uid: string, language: string) {
  return queryOptions<string>({
    queryKey: streamKeys.captionText(uid, language),
    queryFn: ({ signal }) => getCaptionText(client, uid, language, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

export interface UseCaptionTextOptions {
  /** Defaults to true. A malformed uid or language never fetches: the query fails instead. */
  enabled?: boolean;
}

/**
 * The WebVTT text of one caption, for a preview or an editor. Nothing is fetched until both
 * `uid` and `language` are given. Uploading, generating or deleting that language through the
 * caption hooks refetches it.
 */
export function useCaptionText(
  uid: string | undefined,
  language: string | undefined,
  { enabled = true }: UseCaptionTextOptions = {},
): UseQueryResult<string, Error> {
  const { client, retry } = useStreamContext();
  const { key, run } = queryUid(uid);
  const lang = language ?? "";
  return useQuery({
    ...captionTextQueryOptions(client, key, lang),
    ...retry,
    enabled: enabled && run && lang !== "",
  });
}

/** After a caption changed: its text (whatever case the language was asked in) is stale. */
export function invalidateCaptionText(
  queryClient: QueryClient,
  uid: string,
  language: string,
): Promise<void> {
  const prefix = streamKeys.captionText(uid, "").slice(0, -1);
  const lang = language.toLowerCase();
  return queryClient.invalidateQueries({
    queryKey: prefix,
    predicate: ({ queryKey }) => String(queryKey[prefix.length]).toLowerCase() === lang,
  });
}
