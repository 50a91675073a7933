import { StreamValidationError } from "@streamkit/core";
import type { AudioTrack, AudioTrackStatus } from "@streamkit/core/media";
import { useVideoStatus } from "@streamkit/hooks";
import { useAudioTracks, useDeleteAudioTrack, useUpdateAudioTrack } from "@streamkit/hooks/media";
import { type HTMLAttributes, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { AddAudioTrackForm, RenameAudioTrack } from "./media/AudioTrackForms";
import { type MessagesOverride, useMediaTexts } from "./media/useMediaTexts";
import { type AudioTracksMessages, audioTracksMessages } from "./media/watermarkMessages";
import { useCommonMessages } from "./messages/context";
import type { HeadingLevel } from "./parts/Heading";
import { InlineConfirm } from "./parts/InlineConfirm";
import { MediaSection } from "./parts/MediaSection";
import { RequestError } from "./parts/RequestError";

export interface AudioTracksPanelProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The video; a new uid shows that video's tracks. */
  uid: string;
  /** Milliseconds between polls while a track is prepared. Defaults to the provider's policy. */
  intervalMs?: number;
  /** Level of the "Audio tracks" heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** Some or all texts. */
  messages?: MessagesOverride<AudioTracksMessages>;
}

/** `loading`, `error`, `empty`, `ready`, `processing` (a track is `queued`). */
export type AudioTracksPanelState = "loading" | "error" | "empty" | "ready" | "processing";

const BADGE: Record<AudioTrackStatus, string> = {
  queued: "processing",
  ready: "ready",
  error: "error",
};

/**
 * A video's additional audio tracks: each with its label, status (followed while `queued`) and
 * whether it is the default; add one from a URL or a file once the video is ready; rename;
 * make default; delete (not the default, which the API keeps) with an inline confirmation
 * whose Cancel gets focus. Outcomes are announced in a polite live region.
 *
 * `data-state`: `loading`, `error`, `empty`, `ready`, `processing`; on each row its status.
 */
export function AudioTracksPanel({
  uid,
  intervalMs,
  headingLevel = 2,
  messages,
  className,
  ...rest
}: AudioTracksPanelProps): ReactNode {
  const common = useCommonMessages();
  const text = useMediaTexts(audioTracksMessages, messages);
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const list = useAudioTracks(uid, { intervalMs });
  const update = useUpdateAudioTrack();
  const remove = useDeleteAudioTrack();
  const { phase } = useVideoStatus(uid);
  const [announcement, announce] = useState("");
  const [failure, setFailure] = useState<Error>();
  const tracks = list.data ?? [];
  useOutcomes(uid, tracks, announce, text);

  const state: AudioTracksPanelState = list.data
    ? tracks.some((t) => t.status === "queued")
      ? "processing"
      : tracks.length
        ? "ready"
        : "empty"
    : list.error
      ? "error"
      : "loading";

  let body: ReactNode;
  if (list.data) {
    body = tracks.length ? (
      <ul className="sk-media__list" aria-label={text.list}>
        {tracks.map((track) => {
          const status = track.status ?? "ready";
          return (
            <li key={track.uid} className="sk-media__item" data-state={status}>
              <span className="sk-media__name">{track.label}</span>
              {track.default && (
                <span className="sk-audio-default" data-state="default">
                  {text.isDefault}
                </span>
              )}
              <span className="sk-badge sk-audio-status" data-state={BADGE[status]}>
                <span className="sk-badge__dot" aria-hidden="true" />
                {text.status[status]}
              </span>
              <span className="sk-audio-actions">
                <RenameAudioTrack
                  uid={uid}
                  track={track}
                  tracks={tracks}
                  text={text}
                  announce={announce}
                  onError={setFailure}
                />
                {!track.default && (
                  <button
                    type="button"
                    className="sk-button"
                    aria-label={text.makeTrackDefault(track.label)}
                    onClick={() => {
                      setFailure(undefined);
                      update.mutate(
                        { uid, audioUid: track.uid, default: true },
                        {
                          onSuccess: () => announce(text.madeDefault(track.label)),
                          onError: setFailure,
                        },
                      );
                    }}
                  >
                    {text.makeDefault}
                  </button>
                )}
                {!track.default && (
                  <InlineConfirm
                    label={text.delete}
                    accessibleLabel={text.deleteTrack(track.label)}
                    question={text.confirmDelete(track.label)}
                    confirmLabel={text.confirm}
                    cancelLabel={text.cancel}
                    initialFocus="cancel"
                    onConfirm={() => {
                      section.current?.focus();
                      setFailure(undefined);
                      remove.mutate(
                        { uid, audioUid: track.uid },
                        {
                          onSuccess: () => announce(text.deleted(track.label)),
                          onError: setFailure,
                        },
                      );
                    }}
                  />
                )}
              </span>
            </li>
          );
        })}
      </ul>
    ) : (
      <p className="sk-status">{text.empty}</p>
    );
  } else if (list.error) {
    const fixable = !(list.error instanceof StreamValidationError);
    body = <RequestError error={list.error} onRetry={fixable ? () => list.refetch() : undefined} />;
  } else {
    body = (
      <p role="status" className="sk-status">
        {common.loading}
      </p>
    );
  }

  return (
    <MediaSection
      {...rest}
      ref={section}
      idBase={id}
      heading={text.heading}
      headingLevel={headingLevel}
      className={className}
      state={state}
      failure={failure}
      announcement={announcement}
      footer={
        // A video that failed to process takes no tracks: no form that cannot work.
        phase === "error" ? undefined : (
          <AddAudioTrackForm
            uid={uid}
            text={text}
            tracks={tracks}
            videoReady={phase === "ready"}
            announce={announce}
          />
        )
      }
    >
      {phase === "error" && tracks.length === 0 ? (
        <p className="sk-status">{text.unavailable}</p>
      ) : (
        body
      )}
    </MediaSection>
  );
}

/** Announces each track that finishes preparing (ready or failed) while the panel watches. */
function useOutcomes(
  uid: string,
  tracks: AudioTrack[],
  announce: (text: string) => void,
  text: AudioTracksMessages,
): void {
  const previous = useRef<{ uid: string; status: Map<string, string | undefined> }>(undefined);
  useEffect(() => {
    const before = previous.current?.uid === uid ? previous.current.status : undefined;
    previous.current = { uid, status: new Map(tracks.map((t) => [t.uid, t.status])) };
    for (const track of tracks) {
      if (before?.get(track.uid) !== "queued") continue;
      if (track.status === "ready") announce(text.ready(track.label));
      if (track.status === "error") announce(text.failed(track.label));
    }
  }, [uid, tracks, announce, text]);
}
