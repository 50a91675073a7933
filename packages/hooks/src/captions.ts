import { assertUid, type StreamClient } from "@streamkit/core";
import {
  assertCaptionLanguage,
  assertGeneratableLanguage,
  type Caption,
  captionStatus,
  deleteCaption,
  generateCaption,
  listCaptions,
  uploadCaption,
} from "@streamkit/core/captions";
import {
  queryOptions,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { invalidateCaptionText } from "./captionText";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { requireReadyVideo, type UseMediaOptions, updateCached, usePollWhile } from "./media";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for the captions of one video, for `prefetchQuery`, `useQuery` or `fetchQuery`. */
export function captionsQueryOptions(client: StreamClient, uid: string) {
  return queryOptions<Caption[]>({
    queryKey: streamKeys.captions(uid),
    queryFn: ({ signal }) => listCaptions(client, uid, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

const generating = (captions: Caption[]) =>
  captions.some((caption) => captionStatus(caption) === "inprogress");

/**
 * The captions of a video. While a generated caption is `inprogress` the list is polled (every
 * `intervalMs`, by default the provider's `polling.processingMs`) until each is `ready` or
 * `error`; then polling stops. It also stops on unmount and while the page is hidden.
 */
export function useCaptions(
  uid: string | undefined,
  { enabled = true, intervalMs }: UseMediaOptions = {},
): UseQueryResult<Caption[], Error> {
  const { client, retry } = useStreamContext();
  const { key, run } = queryUid(uid);
  const refetchInterval = usePollWhile(generating, intervalMs);
  return useQuery({
    ...captionsQueryOptions(client, key),
    ...retry,
    enabled: enabled && run,
    refetchInterval,
  });
}

const withCaption = (caption: Caption) => (list: Caption[]) =>
  list.some((c) => c.language === caption.language)
    ? list.map((c) => (c.language === caption.language ? caption : c))
    : [...list, caption];

export interface UploadCaptionVariables {
  uid: string;
  /** A BCP-47 tag (`en`, `pt-BR`); an upload replaces that language's captions. */
  language: string;
  /** The WebVTT file (a `File` from an input, a `Blob` or the text itself). */
  file: Blob | string;
}

/**
 * Uploads a WebVTT file (`PUT /{uid}/captions/{language}`). The file is checked first (WebVTT,
 * text, ≤ 10 MB): a bad one fails with `StreamValidationError` and sends nothing. The caption
 * joins the cached list.
 */
export function useUploadCaption() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<Caption, Error, UploadCaptionVariables>({
    mutationFn: ({ uid, language, file }) => uploadCaption(client, uid, language, file),
    onSuccess: async (caption, { uid, language }) => {
      await Promise.all([
        updateCached(queryClient, streamKeys.captions(uid), withCaption(caption)),
        invalidateCaptionText(queryClient, uid, language),
      ]);
    },
  });
}

export interface CaptionVariables {
  uid: string;
  language: string;
}

/**
 * Starts AI captions (`POST /{uid}/captions/{language}/generate`) in one of
 * `CAPTION_GENERATE_LANGUAGES`. The language is checked first, then that the video is ready
 * (from the cache, or asked afresh): otherwise it fails with `StreamValidationError` and a
 * message saying why. The new caption joins the cached list as `inprogress`, and `useCaptions`
 * follows it until it is ready.
 */
export function useGenerateCaption() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<Caption, Error, CaptionVariables>({
    mutationFn: async ({ uid, language }) => {
      assertUid(uid);
      assertGeneratableLanguage(language);
      await requireReadyVideo(queryClient, client, uid, "Generating captions");
      return generateCaption(client, uid, language);
    },
    onSuccess: async (caption, { uid, language }) => {
      await Promise.all([
        updateCached(queryClient, streamKeys.captions(uid), withCaption(caption)),
        invalidateCaptionText(queryClient, uid, language),
      ]);
    },
  });
}

/** Deletes one language's captions; it leaves the cached list once the API has confirmed. */
export function useDeleteCaption() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<void, Error, CaptionVariables>({
    mutationFn: ({ uid, language }) => deleteCaption(client, uid, language),
    onSuccess: async (_void, { uid, language }) => {
      const lang = assertCaptionLanguage(language);
      await Promise.all([
        updateCached<Caption[]>(queryClient, streamKeys.captions(uid), (list) =>
          list.filter((c) => c.language !== lang),
        ),
        invalidateCaptionText(queryClient, uid, language),
      ]);
    },
  });
}
