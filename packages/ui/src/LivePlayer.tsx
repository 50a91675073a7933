import { StreamApiError, StreamValidationError } from "@streamkit/core";
import { type LiveInput, type LiveInputPhase, liveInputPhase } from "@streamkit/core/live-inputs";
import { useOptionalStreamContext } from "@streamkit/hooks";
import { useLiveInput, useLiveRecordings } from "@streamkit/hooks/live-inputs";
import { type CSSProperties, forwardRef, type ReactNode, type Ref, useState } from "react";
import { cx } from "./cx";
import type { LivePlayerMessages } from "./live/messages";
import { useLiveTexts } from "./live/useLiveTexts";
import { usePhaseAnnouncement } from "./live/usePhaseAnnouncement";
import type { MessagesOverride } from "./media/useMediaTexts";
import { useCommonMessages } from "./messages/context";
import { describeError } from "./messages/describeError";
import { RequestError } from "./parts/RequestError";
import { aspectRatioOf } from "./player/aspect";
import type { StreamPlayerProps } from "./player/props";
import type { StreamPlayerHandle } from "./player/types";
import { StreamPlayer } from "./StreamPlayer";

export interface LivePlayerProps extends Omit<StreamPlayerProps, "src" | "video" | "watchStatus"> {
  /** The live input to play; a new uid starts over with that input. */
  uid: string;
  /**
   * The input's status as your app knows it (a webhook, your own endpoint); nothing is
   * fetched then. Without it the player polls `useLiveInput(uid)`, which reads the input with
   * its credentials: behind a creator-scoped proxy only the input's owner may, so pages for
   * other viewers pass this. Outside a `StreamProvider` it is the only source, and no
   * recording is offered after the broadcast.
   */
  liveInput?: Pick<LiveInput, "status" | "enabled">;
  /** Milliseconds between status polls; `useLiveInput`'s default otherwise. */
  intervalMs?: number;
  /**
   * After the broadcast, "Watch the recording" calls this with the newest recording's uid (to
   * open it elsewhere). Without it the recording plays here, in a `StreamPlayer`.
   */
  onPlayRecording?: (videoUid: string) => void;
  /** Some or all texts. */
  messages?: MessagesOverride<LivePlayerMessages>;
}

/** The phase, or `loading`, `error`, `not-found` before there is one, `recording` once it plays. */
export type LivePlayerState = LiveInputPhase | "loading" | "error" | "not-found" | "recording";

/**
 * `StreamPlayer` for a live input: while nothing is broadcast it says it is waiting (no empty
 * iframe), once live it plays with an on-air mark, while the broadcaster reconnects it keeps
 * the player and says so, and after the broadcast it offers the newest recording
 * (`useLiveRecordings`). Every `StreamPlayer` prop passes through; the ref is the playing
 * player's. Phase changes are announced politely.
 *
 * `data-state`: see `LivePlayerState`.
 */
export const LivePlayer = forwardRef<StreamPlayerHandle, LivePlayerProps>(
  function LivePlayer(props, ref) {
    const context = useOptionalStreamContext();
    // Another input is another broadcast: nothing of the last one's view carries over.
    return context ? (
      <WatchedPlayer key={props.uid} {...props} handleRef={ref} />
    ) : (
      <LivePlayerView key={props.uid} {...props} handleRef={ref} input={props.liveInput} />
    );
  },
);

type ViewProps = LivePlayerProps & {
  handleRef: Ref<StreamPlayerHandle>;
  input: Pick<LiveInput, "status" | "enabled"> | undefined;
  /** The input could not be read. */
  error?: Error;
  retry?: () => void;
  /** After the broadcast: its newest recording, or why there is none yet. */
  recordings?: { latest: string | undefined; pending: boolean; error: Error | null };
};

/** Inside a `StreamProvider`: the input's status (unless given) and its recordings. */
function WatchedPlayer(props: LivePlayerProps & { handleRef: Ref<StreamPlayerHandle> }): ReactNode {
  const { uid, liveInput, intervalMs } = props;
  const query = useLiveInput(uid, { enabled: liveInput === undefined, intervalMs });
  const input = liveInput ?? query.data;
  const ended = input !== undefined && liveInputPhase(input) === "ended";
  const recordings = useLiveRecordings(uid, { enabled: ended });
  return (
    <LivePlayerView
      {...props}
      input={input}
      error={liveInput ? undefined : (query.error ?? undefined)}
      retry={() => void query.refetch()}
      recordings={{
        latest: recordings.videos[0]?.uid,
        pending: recordings.isPending,
        error: recordings.error,
      }}
    />
  );
}

function LivePlayerView({
  uid,
  liveInput: _liveInput,
  intervalMs: _intervalMs,
  onPlayRecording,
  messages,
  className,
  style,
  handleRef,
  input,
  error,
  retry,
  recordings,
  ...player
}: ViewProps): ReactNode {
  const common = useCommonMessages();
  const text = useLiveTexts("player", messages);
  const phase = input ? liveInputPhase(input) : undefined;
  const [recording, setRecording] = useState<string>();
  // A new broadcast takes over from the last one's recording.
  if (recording !== undefined && phase !== "ended") setRecording(undefined);

  const notFound = error instanceof StreamApiError && error.isNotFound;
  const state: LivePlayerState = recording
    ? "recording"
    : (phase ?? (notFound ? "not-found" : error ? "error" : "loading"));
  const spoken: Record<LiveInputPhase, string> = {
    idle: text.waiting,
    connecting: text.connecting,
    live: text.started,
    reconnecting: text.reconnecting,
    ended: text.ended,
    errored: text.errored,
  };
  const announcement = usePhaseAnnouncement(phase, phase ? spoken[phase] : "");

  const { responsive = true, width, height } = player;
  const boxStyle = {
    ...(responsive
      ? { "--sk-aspect": String(aspectRatioOf(player.aspectRatio, undefined)) }
      : { width, height, aspectRatio: "auto" }),
  } as CSSProperties;

  let view: ReactNode;
  if (phase === "live" || phase === "reconnecting") {
    // One element for both phases, so a dropped broadcaster does not reload the player.
    view = (
      <div className="sk-live-player__stage">
        <StreamPlayer
          {...player}
          ref={handleRef}
          src={uid}
          watchStatus={false}
          title={player.title ?? text.title}
        />
        {phase === "live" ? (
          <span className="sk-live-player__on-air">{text.onAir}</span>
        ) : (
          <p className="sk-live-player__notice">{text.reconnecting}</p>
        )}
      </div>
    );
  } else if (recording) {
    view = (
      <StreamPlayer
        {...player}
        ref={handleRef}
        src={recording}
        autoplay={player.autoplay ?? true}
      />
    );
  } else {
    let lines: ReactNode;
    if (phase === "idle" || phase === "connecting") {
      lines = (
        <>
          <p className="sk-live-player__title">{text.waiting}</p>
          <p>
            {phase === "connecting"
              ? text.connecting
              : input?.enabled === false
                ? text.disabled
                : text.waitingHelp}
          </p>
        </>
      );
    } else if (phase === "errored") {
      lines = (
        <>
          <p className="sk-live-player__title">{text.errored}</p>
          <p>{text.erroredHelp}</p>
        </>
      );
    } else if (phase === "ended") {
      const latest = recordings?.latest;
      lines = (
        <>
          <p className="sk-live-player__title">{text.ended}</p>
          {latest ? (
            <p>
              <button
                type="button"
                className="sk-button"
                data-variant="primary"
                onClick={() => (onPlayRecording ? onPlayRecording(latest) : setRecording(latest))}
              >
                {text.watchRecording}
              </button>
            </p>
          ) : (
            recordings && (
              <p>
                {recordings.error
                  ? common.requestFailed(describeError(recordings.error))
                  : recordings.pending
                    ? text.findingRecording
                    : text.noRecording}
              </p>
            )
          )}
        </>
      );
    } else if (notFound) {
      lines = <p>{text.notFound}</p>;
    } else if (error) {
      lines = (
        <RequestError
          error={error}
          onRetry={error instanceof StreamValidationError ? undefined : retry}
        />
      );
    } else {
      lines = <p>{common.loading}</p>;
    }
    view = (
      <div className="sk-live-player__screen" style={boxStyle}>
        {lines}
      </div>
    );
  }

  return (
    <div className={cx("sk-live-player", className)} style={style} data-state={state}>
      {view}
      <p className="sk-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
