import { mkdir, rename, rm } from "node:fs/promises";
import { MAX_AUDIO_TRACK_BYTES } from "@streamkit/core/requests";
import type { EmulatorContext } from "../context";
import { fileSize } from "../fsutil";
import type { AudioTrackRecord } from "../records";
import { FetchOriginError, fetchToFile } from "./fetch-source";
import { run } from "./ffmpeg";
import { INIT_FILE } from "./hls";
import { probe } from "./probe";

type Deps = Pick<EmulatorContext, "store" | "queue" | "tools" | "options" | "log">;

/** Where a track's files live: `source` (what was sent) and `hls/` (its audio rendition). */
export function audioTrackPath(
  deps: Pick<Deps, "store">,
  uid: string,
  track: string,
  ...parts: string[]
): string {
  return deps.store.file(uid, "audio", track, ...parts);
}

const jobKey = (uid: string, track: string) => `audio:${uid}:${track}`;

/** Changes one track of a video and writes the record; a no-op when either is gone. */
export async function updateTrack(
  deps: Pick<Deps, "store">,
  uid: string,
  track: string,
  change: (t: AudioTrackRecord) => void,
): Promise<void> {
  await deps.store.update(uid, (r) => {
    const found = r.audio?.find((t) => t.uid === track);
    if (found) change(found);
  });
}

class TrackFailure extends Error {}

/**
 * Makes a track playable in the job queue: fetches its URL (`audio/copy`), checks that it has an
 * audio stream, and encodes it to AAC as an fMP4 HLS audio rendition cut in the video's segment length.
 * `queued` until then (Stream's AudioTrack has no in-progress state), then `ready` or `error`.
 */
export function processAudioTrack(deps: Deps, uid: string, track: string): void {
  void deps.queue.add(jobKey(uid, track), async (signal) => {
    const current = deps.store.get(uid)?.audio?.find((t) => t.uid === track);
    if (!current) return;
    const source = audioTrackPath(deps, uid, track, "source");
    const out = audioTrackPath(deps, uid, track, "hls.tmp");
    try {
      if (current.sourceUrl) {
        await fetchToFile(current.sourceUrl, source, signal, MAX_AUDIO_TRACK_BYTES).catch(
          (error: unknown) => {
            if (error instanceof FetchOriginError) throw new TrackFailure(error.message);
            throw error;
          },
        );
      } else if (!(await fileSize(source))) {
        throw new TrackFailure("the uploaded file is gone");
      }
      const tools = deps.tools;
      if (!tools)
        throw new TrackFailure("audio tracks need ffmpeg (the emulator is in degraded mode)");
      const info = await probe(tools, source, signal).catch(() => undefined);
      if (signal.aborted) return;
      if (!info?.hasAudio) throw new TrackFailure("the file has no audio stream");
      await rm(out, { recursive: true, force: true });
      await mkdir(out, { recursive: true });
      const seconds = String(deps.options.processing.segmentSeconds);
      await run(
        tools.ffmpeg,
        [
          "-hide_banner",
          "-nostdin",
          "-y",
          "-i",
          source,
          "-map",
          "0:a:0",
          "-vn",
          "-c:a",
          "aac",
          "-b:a",
          "128k",
          "-ac",
          "2",
          "-f",
          "hls",
          "-hls_time",
          seconds,
          "-hls_playlist_type",
          "vod",
          // fMP4 like the video's renditions, so one player pipeline (and DASH) takes both.
          "-hls_segment_type",
          "fmp4",
          "-hls_fmp4_init_filename",
          INIT_FILE,
          "-hls_segment_filename",
          `${out}/seg_%03d.m4s`,
          `${out}/index.m3u8`,
        ],
        { signal },
      );
      const final = audioTrackPath(deps, uid, track, "hls");
      await rm(final, { recursive: true, force: true });
      await rename(out, final);
      await updateTrack(deps, uid, track, (t) => {
        t.status = "ready";
        delete t.error;
      });
      deps.log(`audio track ${track} of ${uid} ready`);
    } catch (error) {
      await rm(out, { recursive: true, force: true }).catch(() => {});
      if (signal.aborted) return; // Left queued; a restart does it again.
      const reason = error instanceof TrackFailure ? error.message : String(error);
      deps.log(`audio track ${track} of ${uid} failed: ${reason}`);
      await updateTrack(deps, uid, track, (t) => {
        t.status = "error";
        t.error = reason;
      });
    }
  });
}

/** Stops a track's job and removes its files (the record is changed by the caller). */
export async function removeAudioTrackFiles(deps: Deps, uid: string, track: string): Promise<void> {
  await deps.queue.cancel(jobKey(uid, track));
  await rm(audioTrackPath(deps, uid, track), { recursive: true, force: true });
}

/** After a restart: tracks that were still `queued` are processed again from the start. */
export function recoverAudioTracks(deps: Deps): void {
  for (const record of deps.store.all()) {
    for (const track of record.audio ?? []) {
      if (track.status === "queued") processAudioTrack(deps, record.uid, track.uid);
    }
  }
}
