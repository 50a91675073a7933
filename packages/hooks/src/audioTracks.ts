import { assertUid, type StreamClient, StreamValidationError } from "@streamkit/core";
import {
  type AddAudioTrackRequest,
  type AudioTrack,
  addAudioTrack,
  deleteAudioTrack,
  listAudioTracks,
  MAX_AUDIO_TRACK_BYTES,
  type UpdateAudioTrackRequest,
  updateAudioTrack,
} from "@streamkit/core/media";
import {
  checkAudioCopyRequest,
  checkAudioEditRequest,
  checkAudioLabel,
} from "@streamkit/core/requests";
import {
  type QueryClient,
  queryOptions,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { requireReadyVideo, type UseMediaOptions, updateCached, usePollWhile } from "./media";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for the additional audio tracks of one video (`GET /{uid}/audio`). */
export function audioTracksQueryOptions(client: StreamClient, uid: string) {
  return queryOptions<AudioTrack[]>({
    queryKey: streamKeys.audioTracks(uid),
    queryFn: ({ signal }) => listAudioTracks(client, uid, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

const queued = (tracks: AudioTrack[]) => tracks.some((track) => track.status === "queued");

/**
 * The additional audio tracks of a video (not the audio of the upload itself). While a track
 * is `queued` the list is polled (every `intervalMs`, by default the provider's
 * `polling.processingMs`) until each is `ready` or `error`; then polling stops. It also stops
 * on unmount and while the page is hidden.
 */
export function useAudioTracks(
  uid: string | undefined,
  { enabled = true, intervalMs }: UseMediaOptions = {},
): UseQueryResult<AudioTrack[], Error> {
  const { client, retry } = useStreamContext();
  const { key, run } = queryUid(uid);
  const refetchInterval = usePollWhile(queued, intervalMs);
  return useQuery({
    ...audioTracksQueryOptions(client, key),
    ...retry,
    enabled: enabled && run,
    refetchInterval,
  });
}

/** `{ uid }` and a label with a `url` the API downloads, or a `file` sent multipart. */
export type AddAudioTrackVariables = { uid: string } & AddAudioTrackRequest;

/** What `addAudioTrack` would refuse, checked before the readiness check asks for the video. */
function checkAdd({ uid, ...body }: AddAudioTrackVariables): void {
  assertUid(uid);
  if (!("file" in body) || body.file === undefined) {
    checkAudioCopyRequest(body);
    return;
  }
  checkAudioLabel(body.label);
  const { file } = body;
  if (typeof (file as Blob | undefined)?.size !== "number")
    throw new StreamValidationError("file", "expected an audio file (a File or a Blob)");
  if (file.size === 0) throw new StreamValidationError("file", "the file is empty");
  if (file.size > MAX_AUDIO_TRACK_BYTES)
    throw new StreamValidationError(
      "file",
      `an audio track may have at most ${MAX_AUDIO_TRACK_BYTES} bytes (200 MB), got ${file.size}`,
    );
}

/**
 * Adds an audio track (`POST /{uid}/audio/copy` for a `url`, `POST /{uid}/audio` for a
 * `file`). The label, URL and file (≤ 200 MB) are checked first, then that the video is ready
 * (from the cache, or asked afresh): otherwise it fails with `StreamValidationError` and sends
 * nothing. The new track joins the cached list as `queued`, and `useAudioTracks` follows it.
 */
export function useAddAudioTrack() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<AudioTrack, Error, AddAudioTrackVariables>({
    mutationFn: async (variables) => {
      checkAdd(variables);
      const { uid, ...body } = variables;
      await requireReadyVideo(queryClient, client, uid, "An audio track");
      return addAudioTrack(client, uid, body);
    },
    onSuccess: (track, { uid }) =>
      updateCached<AudioTrack[]>(queryClient, streamKeys.audioTracks(uid), (list) => [
        ...list.filter((t) => t.uid !== track.uid),
        track,
      ]),
  });
}

export type UpdateAudioTrackVariables = { uid: string; audioUid: string } & UpdateAudioTrackRequest;

/** `change` applied to a list: `default: true` on one track clears it on the others. */
const applyChange =
  (audioUid: string, change: UpdateAudioTrackRequest) =>
  (list: AudioTrack[]): AudioTrack[] =>
    list.map((t) => {
      if (t.uid === audioUid) return { ...t, ...change };
      return change.default === true && t.default ? { ...t, default: false } : t;
    });

interface TracksSnapshot {
  before: AudioTrack[] | undefined;
}

/** Puts back the fields this change touched, keeping what other changes did since. */
function rollBackChange(
  queryClient: QueryClient,
  uid: string,
  audioUid: string,
  change: UpdateAudioTrackRequest,
  before: AudioTrack[],
): void {
  queryClient.setQueryData<AudioTrack[]>(streamKeys.audioTracks(uid), (list) =>
    list?.map((t) => {
      const was = before.find((b) => b.uid === t.uid);
      if (!was) return t;
      if (t.uid === audioUid) {
        return {
          ...t,
          ...(change.label !== undefined ? { label: was.label } : {}),
          ...(change.default !== undefined ? { default: was.default } : {}),
        };
      }
      return change.default === true && was.default ? { ...t, default: true } : t;
    }),
  );
}

/**
 * Renames a track or makes it the default (`PATCH /{uid}/audio/{audioUid}`). The change shows
 * in the cache at once (`default: true` clears the other tracks' default, as the API does) and
 * is undone if the request fails; a bad label fails with `StreamValidationError`, unsent.
 */
export function useUpdateAudioTrack() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<AudioTrack, Error, UpdateAudioTrackVariables, TracksSnapshot>({
    mutationFn: ({ uid, audioUid, ...change }) => updateAudioTrack(client, uid, audioUid, change),
    onMutate: async ({ uid, audioUid, ...change }) => {
      assertUid(uid);
      assertUid(audioUid, "audioUid");
      checkAudioEditRequest(change);
      const key = streamKeys.audioTracks(uid);
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const before = queryClient.getQueryData<AudioTrack[]>(key);
      if (before) queryClient.setQueryData(key, applyChange(audioUid, change)(before));
      return { before };
    },
    onError: (_error, { uid, audioUid, ...change }, snapshot) => {
      if (snapshot?.before) rollBackChange(queryClient, uid, audioUid, change, snapshot.before);
    },
    onSuccess: (track, { uid, audioUid, ...change }) =>
      updateCached<AudioTrack[]>(queryClient, streamKeys.audioTracks(uid), (list) =>
        applyChange(audioUid, change)(list).map((t) => (t.uid === track.uid ? track : t)),
      ),
  });
}

export interface DeleteAudioTrackVariables {
  uid: string;
  audioUid: string;
}

interface DeleteRollback {
  track: AudioTrack | undefined;
  index: number;
}

/**
 * Deletes a track (`DELETE /{uid}/audio/{audioUid}`). It leaves the cached list at once and
 * comes back, in its place, if the request fails. The API refuses to delete the default track:
 * when the cache says it is, this fails with `StreamValidationError` before any request.
 */
export function useDeleteAudioTrack() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<void, Error, DeleteAudioTrackVariables, DeleteRollback>({
    mutationFn: ({ uid, audioUid }) => deleteAudioTrack(client, uid, audioUid),
    onMutate: async ({ uid, audioUid }) => {
      assertUid(uid);
      assertUid(audioUid, "audioUid");
      const key = streamKeys.audioTracks(uid);
      const list = queryClient.getQueryData<AudioTrack[]>(key) ?? [];
      const index = list.findIndex((t) => t.uid === audioUid);
      const track = list[index];
      if (track?.default)
        throw new StreamValidationError(
          "audioUid",
          "the default audio track cannot be deleted; make another track the default first",
        );
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      if (track)
        queryClient.setQueryData<AudioTrack[]>(key, (now) =>
          now?.filter((t) => t.uid !== audioUid),
        );
      return { track, index };
    },
    onError: (_error, { uid }, rollback) => {
      const track = rollback?.track;
      if (!track) return;
      queryClient.setQueryData<AudioTrack[]>(streamKeys.audioTracks(uid), (list) =>
        !list || list.some((t) => t.uid === track.uid)
          ? list
          : [...list.slice(0, rollback.index), track, ...list.slice(rollback.index)],
      );
    },
  });
}
