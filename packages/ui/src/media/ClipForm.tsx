import type { Video } from "@streamkit/core";
import { useVideoStatus } from "@streamkit/hooks";
import { useCreateClip } from "@streamkit/hooks/media";
import {
  type FormEvent,
  type HTMLAttributes,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from "react";
import { Heading, type HeadingLevel } from "../parts/Heading";
import { FailureAlert } from "../parts/RequestError";
import { StreamPlayer } from "../StreamPlayer";
import { frameTimes } from "../thumbnails/frames";
import { VideoStatusBadge } from "../VideoStatusBadge";
import { VideoThumbnail } from "../VideoThumbnail";
import type { ClipEditorMessages } from "./clipMessages";
import type { ClipEditorState, ClipOptions, ClipRange } from "./clipTypes";

const WHOLE = /^\s*\d+\s*$/;

/** The problems of a range as typed, by field; none when it can be sent. */
export function rangeErrors(
  startText: string,
  endText: string,
  duration: number,
  text: Pick<ClipEditorMessages, "invalidStart" | "invalidEnd" | "endBeforeStart">,
): { start?: string; end?: string } {
  const maxEnd = Math.max(1, Math.ceil(duration));
  const maxStart = maxEnd - 1;
  const start = WHOLE.test(startText) ? Number(startText) : Number.NaN;
  const end = WHOLE.test(endText) ? Number(endText) : Number.NaN;
  const errors: { start?: string; end?: string } = {};
  if (!(start >= 0 && start <= maxStart)) errors.start = text.invalidStart(maxStart);
  if (!(end >= 1 && end <= maxEnd)) errors.end = text.invalidEnd(maxEnd);
  else if (!errors.start && end <= start) errors.end = text.endBeforeStart;
  return errors;
}

interface ClipFormProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  idBase: string;
  uid: string;
  video: Video;
  frames: number;
  token: string | undefined;
  preview: "player" | "none" | ((range: ClipRange) => ReactNode);
  clipOptions: ClipOptions | undefined;
  onCreated: ((clip: Video) => void) | undefined;
  onReady: ((clip: Video) => void) | undefined;
  headingLevel: HeadingLevel;
  text: ClipEditorMessages;
}

/** The editor of one ready video, mounted with `key={uid}` by `ClipEditor`. */
export function ClipForm({
  idBase: id,
  uid,
  video,
  frames,
  token,
  preview,
  clipOptions,
  onCreated,
  onReady,
  headingLevel,
  text,
  ...section
}: ClipFormProps): ReactNode {
  const duration = video.duration ?? 0;
  const maxEnd = Math.max(1, Math.ceil(duration));
  const [start, setStart] = useState(0);
  const [end, setEnd] = useState(maxEnd);
  const [startText, setStartText] = useState("0");
  const [endText, setEndText] = useState(String(maxEnd));
  const [name, setName] = useState("");
  const [checkFocus, setCheckFocus] = useState(0);
  const [clip, setClip] = useState<{ video: Video; name: string }>();
  const [announcement, announce] = useState("");
  const create = useCreateClip();
  const form = useRef<HTMLFormElement>(null);
  const latest = useRef({ onCreated, onReady });
  latest.current = { onCreated, onReady };
  const [initialStart] = useState(start);

  const clipStatus = useVideoStatus(clip?.video.uid, {
    enabled: clip !== undefined,
    onReady: (ready) => {
      if (clip) announce(text.ready(clip.name));
      latest.current.onReady?.(ready);
    },
    onError: () => {
      if (clip) announce(text.failed(clip.name));
    },
  });

  useEffect(() => {
    if (checkFocus > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checkFocus]);

  const errors = rangeErrors(startText, endText, duration, text);
  const valid = !errors.start && !errors.end;
  const busy = create.isPending;

  const moveStart = (value: number) => {
    const next = Math.min(Math.max(0, Math.round(value)), maxEnd - 1);
    setStart(next);
    setStartText(String(next));
    if (next >= end) {
      setEnd(next + 1);
      setEndText(String(next + 1));
    }
  };
  const moveEnd = (value: number) => {
    const next = Math.min(Math.max(1, Math.round(value)), maxEnd);
    setEnd(next);
    setEndText(String(next));
    if (next <= start) {
      setStart(next - 1);
      setStartText(String(next - 1));
    }
  };
  const typeStart = (value: string) => {
    setStartText(value);
    if (WHOLE.test(value) && Number(value) < maxEnd) setStart(Number(value));
  };
  const typeEnd = (value: string) => {
    setEndText(value);
    if (WHOLE.test(value) && Number(value) >= 1 && Number(value) <= maxEnd) setEnd(Number(value));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!valid) {
      setCheckFocus((n) => n + 1);
      return;
    }
    const from = Number(startText);
    const to = Number(endText);
    const given = name.trim();
    const label = given || text.untitled(text.time(from), text.time(to));
    create.mutate(
      {
        ...clipOptions,
        clippedFromVideoUID: uid,
        startTimeSeconds: from,
        endTimeSeconds: to,
        ...(given ? { name: given } : {}),
      },
      {
        onSuccess: (made) => {
          setClip({ video: made, name: label });
          announce(text.created(label));
          latest.current.onCreated?.(made);
        },
      },
    );
  };

  const clipPhase = clipStatus.phase;
  const state: ClipEditorState = busy
    ? "creating"
    : clip
      ? clipPhase === "ready"
        ? "done"
        : clipPhase === "error"
          ? "failed"
          : "processing"
      : "idle";

  const times = frameTimes(duration, frames);
  const range: ClipRange = { uid, video, start, end };
  let player: ReactNode = null;
  if (typeof preview === "function") player = preview(range);
  else if (preview === "player")
    player = (
      <StreamPlayer
        className="sk-clip__player"
        src={uid}
        video={video}
        token={token}
        controls
        startTime={initialStart}
        currentTime={start}
        title={text.previewTitle(text.time(start), text.time(end))}
      />
    );

  const slider = (
    which: "start" | "end",
    label: string,
    value: number,
    onMove: (value: number) => void,
  ) => (
    <div className="sk-clip__slider">
      <label htmlFor={`${id}-${which}-range`}>{label}</label>
      <input
        id={`${id}-${which}-range`}
        type="range"
        className="sk-clip__range"
        min={0}
        max={maxEnd}
        step={1}
        value={value}
        aria-valuetext={text.timeText(value)}
        aria-describedby={`${id}-help`}
        disabled={busy}
        onChange={(event) => onMove(Number(event.target.value))}
      />
      <output htmlFor={`${id}-${which}-range`} className="sk-clip__time" aria-hidden="true">
        {text.time(value)}
      </output>
    </div>
  );
  const numberField = (
    which: "start" | "end",
    label: string,
    value: string,
    error: string | undefined,
    onType: (value: string) => void,
  ) => (
    <div className="sk-field sk-clip__seconds">
      <label htmlFor={`${id}-${which}`}>{label}</label>
      <input
        id={`${id}-${which}`}
        className="sk-input"
        type="number"
        inputMode="numeric"
        min={which === "start" ? 0 : 1}
        max={which === "start" ? maxEnd - 1 : maxEnd}
        step={1}
        value={value}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-${which}-error` : ""}`}
        onChange={(event) => onType(event.target.value)}
      />
      {error && (
        <p id={`${id}-${which}-error`} className="sk-field__error">
          {error}
        </p>
      )}
    </div>
  );

  return (
    <section {...section} aria-labelledby={`${id}-heading`} data-state={state}>
      <Heading level={headingLevel} id={`${id}-heading`}>
        {text.heading}
      </Heading>
      {player && <div className="sk-clip__preview">{player}</div>}
      <ol className="sk-clip__frames" aria-label={text.frames}>
        {times.map((t) => {
          const inside = t >= start && t < end;
          return (
            <li key={t} className="sk-clip__frame" data-state={inside ? "in" : "out"}>
              <VideoThumbnail
                video={video}
                token={token}
                time={t}
                width={96}
                alt={`${text.time(t)}${inside ? ` (${text.rangeLegend})` : ""}`}
              />
            </li>
          );
        })}
      </ol>
      <form ref={form} className="sk-form sk-clip__form" noValidate onSubmit={submit}>
        <fieldset className="sk-clip__range-fields">
          <legend>{text.rangeLegend}</legend>
          {slider("start", text.startLabel, start, moveStart)}
          {slider("end", text.endLabel, end, moveEnd)}
          <div className="sk-clip__numbers">
            {numberField("start", text.startSeconds, startText, errors.start, typeStart)}
            {numberField("end", text.endSeconds, endText, errors.end, typeEnd)}
          </div>
          <p id={`${id}-help`} className="sk-field__help">
            {text.rangeHelp(duration)}
          </p>
          <p className="sk-clip__length">
            {valid ? text.length(Number(endText) - Number(startText)) : "\u00a0"}
          </p>
        </fieldset>
        <div className="sk-field">
          <label htmlFor={`${id}-name`}>{text.nameLabel}</label>
          <input
            id={`${id}-name`}
            className="sk-input"
            autoComplete="off"
            value={name}
            maxLength={1024}
            disabled={busy}
            aria-describedby={`${id}-name-help`}
            onChange={(event) => setName(event.target.value)}
          />
          <p id={`${id}-name-help`} className="sk-field__help">
            {text.nameHelp}
          </p>
        </div>
        <div className="sk-actions">
          <button
            type="submit"
            className="sk-button"
            data-variant="primary"
            aria-disabled={busy || undefined}
          >
            {busy ? text.creating : text.create}
          </button>
          {clip && state !== "processing" && (
            <button
              type="button"
              className="sk-button"
              onClick={() => {
                setClip(undefined);
                create.reset();
              }}
            >
              {text.another}
            </button>
          )}
        </div>
        <FailureAlert error={create.error} />
      </form>
      {clip && (
        <div className="sk-clip__result" data-state={state}>
          <span className="sk-media__name">{clip.name}</span>
          <VideoStatusBadge uid={clip.video.uid} variant="full" announce={false} />
        </div>
      )}
      <p className="sk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
