import type { RequestOptions, StreamClient } from "../client";
import type { components } from "../generated/stream-api";
import {
  checkAudioCopyRequest,
  checkAudioEditRequest,
  checkAudioLabel,
  MAX_AUDIO_TRACK_BYTES,
} from "../requests/media";
import { assertUid } from "../validate";
import { assertBlob, assertSize } from "./files";

type Schemas = components["schemas"];

/** `queued` while the API prepares it, then `ready` or `error`. */
export type AudioTrackStatus = Schemas["stream_audio_state"];
/** An additional audio track (§3.10); the audio embedded in the upload is not listed. */
export type AudioTrack = Schemas["stream_additionalAudio"] & { uid: string; label: string };
/** From a URL the API downloads, or from a file sent with the request (≤ 200 MB). */
export type AddAudioTrackRequest = { label: string } & ({ url: string } | { file: Blob });
export type UpdateAudioTrackRequest = Schemas["stream_editAudioTrack"];

const path = (uid: string, audioUid?: string) => {
  assertUid(uid);
  if (audioUid !== undefined) assertUid(audioUid, "audioUid");
  return `/${uid}/audio${audioUid === undefined ? "" : `/${audioUid}`}`;
};

/** `GET /stream/{uid}/audio`: `{ audio: [...] }` today, a bare array on the 2024 API. */
export async function listAudioTracks(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<AudioTrack[]> {
  const { result } = await client.request<{ audio?: AudioTrack[] } | AudioTrack[]>(
    path(uid),
    options,
  );
  const list = Array.isArray(result) ? result : result?.audio;
  return Array.isArray(list) ? list : [];
}

/** `POST …/audio/copy` (a URL) or `POST …/audio` (multipart); answers with a `queued` track. */
export async function addAudioTrack(
  client: StreamClient,
  uid: string,
  body: AddAudioTrackRequest,
  options: RequestOptions = {},
): Promise<AudioTrack> {
  if ("file" in body && body.file !== undefined) {
    checkAudioLabel(body.label);
    assertBlob(body.file, "an audio file");
    assertSize(body.file, MAX_AUDIO_TRACK_BYTES, "an audio track");
    const form = new FormData();
    form.append("label", body.label);
    form.append("file", body.file, (body.file as Partial<File>).name || "audio");
    return (await client.request<AudioTrack>(path(uid), { ...options, method: "POST", body: form }))
      .result;
  }
  checkAudioCopyRequest(body);
  return (
    await client.request<AudioTrack>(`${path(uid)}/copy`, { ...options, method: "POST", body })
  ).result;
}

/** `PATCH …/audio/{audio_uid}`: `default: true` makes it the default and clears the others. */
export async function updateAudioTrack(
  client: StreamClient,
  uid: string,
  audioUid: string,
  body: UpdateAudioTrackRequest,
  options: RequestOptions = {},
): Promise<AudioTrack> {
  checkAudioEditRequest(body);
  return (
    await client.request<AudioTrack>(path(uid, audioUid), { ...options, method: "PATCH", body })
  ).result;
}

/** `DELETE …/audio/{audio_uid}`; the API refuses to delete the default track. */
export async function deleteAudioTrack(
  client: StreamClient,
  uid: string,
  audioUid: string,
  options: RequestOptions = {},
): Promise<void> {
  await client.request<string>(path(uid, audioUid), { ...options, method: "DELETE" });
}
