import { type Video, type VideoPhase, videoPhase, videoProgress } from "@streamkit/core";
import { type CSSProperties, type ReactNode, type Ref, useState } from "react";
import { cx } from "../cx";
import { useCommonMessages } from "../messages/context";
import type { PlayerMessages } from "../messages/player";
import { aspectRatioOf } from "./aspect";

/** A watched video's status, as `StreamPlayer` and `StreamVideo` get it inside a provider. */
export interface WatchedStatus {
  video: Video | undefined;
  failed: boolean;
}

/** Signed playback: waiting for the first token, its error, and a way to replace a rejected one. */
export interface Signing {
  pending: boolean;
  error: Error | undefined;
  refresh: () => void;
}

/**
 * Whether a player may load the video now. `waitingForStatus`: watched, status not known yet;
 * `hasFrames`: the thumbnail exists (not processing or failed, so no 404 and no broken image).
 */
export function playability(
  status: WatchedStatus | undefined,
  video: Video | undefined,
  signing: Signing | undefined,
): {
  phase: VideoPhase | undefined;
  waitingForStatus: boolean;
  playable: boolean;
  hasFrames: boolean;
  processing: boolean;
} {
  const phase = video ? videoPhase(video) : undefined;
  const waitingForStatus = status !== undefined && !status.failed && phase === undefined;
  const playable =
    !signing?.pending &&
    (!status ||
      status.failed ||
      phase === "ready" ||
      phase === "live" ||
      (phase === undefined && !waitingForStatus));
  return {
    phase,
    waitingForStatus,
    playable,
    hasFrames: playable || waitingForStatus,
    processing: phase !== undefined && phase !== "ready" && phase !== "live" && phase !== "error",
  };
}

/**
 * True from the render that sees a processing phase until `clear()`: a video that finishes
 * processing on the page starts playing by itself once it is ready.
 */
export function useSawProcessing(processing: boolean): [boolean, () => void] {
  const [saw, setSaw] = useState(false);
  if (processing && !saw) setSaw(true);
  return [saw, () => setSaw(false)];
}

/** What a player shows in its box: `data-state` of `.sk-player`. */
export type PlayerBoxState = "invalid" | "error" | "processing" | "playing" | "poster";

export interface PlayerBoxProps {
  boxRef?: Ref<HTMLDivElement>;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  responsive?: boolean | undefined;
  width?: string | undefined;
  height?: string | undefined;
  aspectRatio?: number | string | undefined;
  video: Video | undefined;
  state: PlayerBoxState;
  poster: string | undefined;
  /** Said in an alert over the poster when defined (`text.failed` of it). */
  alert: string | undefined;
  text: PlayerMessages;
  children?: ReactNode;
}

/**
 * The poster-first box both players draw (the iframe `StreamPlayer`, the `<video>` of
 * `StreamVideo`): the video's aspect ratio from the first paint, on the server too, the
 * thumbnail as a real `<img>` under whatever plays, a processing video's status over it and a
 * failure in an alert.
 */
export function PlayerBox(props: PlayerBoxProps): ReactNode {
  const { responsive = true, width, height, poster } = props;
  const boxStyle = {
    ...(responsive
      ? { "--sk-aspect": String(aspectRatioOf(props.aspectRatio, props.video)) }
      : { width, height, aspectRatio: "auto" }),
    ...props.style,
  } as CSSProperties;
  return (
    <div
      ref={props.boxRef}
      className={cx("sk-player", props.className)}
      style={boxStyle}
      data-state={props.state}
    >
      {poster && <img className="sk-player__poster" src={poster} alt="" decoding="async" />}
      {props.children}
      <PlayerOverlays {...props} />
    </div>
  );
}

/**
 * The status over a player: a processing video's phase and progress, a failure in an alert.
 * `slot` puts it in a media skin's slot (`centered-chrome` in Media Chrome) instead of a box.
 */
export function PlayerOverlays({
  state,
  video,
  alert,
  text,
  slot,
}: Pick<PlayerBoxProps, "state" | "video" | "alert" | "text"> & { slot?: string }): ReactNode {
  return (
    <>
      {state === "processing" && video && (
        <div className="sk-player__overlay" slot={slot}>
          <ProcessingStatus video={video} />
          <span>{text.processing}</span>
        </div>
      )}
      {alert !== undefined && (
        <div className="sk-player__overlay" slot={slot} role="alert">
          {text.failed(alert)}
        </div>
      )}
    </>
  );
}

/**
 * The poster's play button of `loading="click"`: the player loads when it is pressed. Its
 * triangle is drawn by the stylesheet, so the first bundle carries no SVG.
 */
export function PlayButton({ label, onPress }: { label: string; onPress: () => void }): ReactNode {
  return <button type="button" className="sk-player__play" aria-label={label} onClick={onPress} />;
}

/**
 * The status line over the poster of a video still processing: phase, bar and percent, drawn
 * and worded like a full `VideoStatusBadge` (same classes, texts and polite announcement of a
 * new phase). The badge itself also watches uids and shows failures; the player does both
 * already, so its first bundle carries only this much.
 */
export function ProcessingStatus({ video }: { video: Video }): ReactNode {
  const text = useCommonMessages();
  const phase = videoPhase(video);
  const percent = phase === "processing" ? Math.round(videoProgress(video) * 100) : undefined;
  const label = text.phase[phase];
  const accessible = text.statusLabel(label, percent);

  // Empty at mount (nothing to announce), then the status at each new phase (state adjusted
  // while rendering, as React documents for a changed prop: no effect, no extra commit).
  const [announced, setAnnounced] = useState({ phase, text: "" });
  if (announced.phase !== phase) setAnnounced({ phase, text: accessible });

  return (
    <span className="sk-badge" data-state={phase} data-variant="full">
      <span className="sk-badge__dot" aria-hidden="true" />
      <span aria-hidden="true">{label}</span>
      {percent !== undefined && (
        <>
          <span className="sk-badge__bar" aria-hidden="true">
            <span style={{ width: `${percent}%` }} />
          </span>
          <span aria-hidden="true">{text.percent(percent)}</span>
        </>
      )}
      <span className="sk-visually-hidden">{accessible}</span>
      <span className="sk-visually-hidden" role="status" aria-live="polite">
        {announced.text}
      </span>
    </span>
  );
}
