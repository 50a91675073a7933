/** Texts of `ClipEditor` (its `messages` prop). */
export interface ClipEditorMessages {
  heading: string;
  notReady: string;
  /** The source failed to process: there is nothing to clip. */
  unavailable: string;
  /** Accessible name of the strip of frames. */
  frames: string;
  /** Legend of the start and end fields. */
  rangeLegend: string;
  startLabel: string;
  endLabel: string;
  /** Label of the number fields, beside the sliders. */
  startSeconds: string;
  endSeconds: string;
  /** Under the fields: whole seconds between 0 and the video's length. */
  rangeHelp: (durationSeconds: number) => string;
  /** A position, as shown: `1:05`. */
  time: (seconds: number) => string;
  /** A position, as read out (`aria-valuetext`): `1 minute 5 seconds`. */
  timeText: (seconds: number) => string;
  /** The clip's length under the fields. */
  length: (seconds: number) => string;
  invalidStart: (maxStart: number) => string;
  invalidEnd: (maxEnd: number) => string;
  endBeforeStart: string;
  nameLabel: string;
  nameHelp: string;
  /** Accessible name of the preview player. */
  previewTitle: (start: string, end: string) => string;
  create: string;
  creating: string;
  /** The clip exists and is being processed. */
  created: (name: string) => string;
  ready: (name: string) => string;
  failed: (name: string) => string;
  /** Name of a clip without one. */
  untitled: (start: string, end: string) => string;
  another: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** `m:ss`, or `h:mm:ss` from an hour. */
export function clipTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export const clipEditorMessages: ClipEditorMessages = {
  heading: "Make a clip",
  notReady: "A clip can be made once the video is ready.",
  unavailable: "This video could not be processed, so it cannot be clipped.",
  frames: "Frames of the video; the clip's range is highlighted",
  rangeLegend: "Clip range",
  startLabel: "Start",
  endLabel: "End",
  startSeconds: "Start (seconds)",
  endSeconds: "End (seconds)",
  rangeHelp: (duration) =>
    `Whole seconds, from 0 to ${Math.ceil(duration)} (the video lasts ${clipTime(duration)}).`,
  time: clipTime,
  timeText: (seconds) => {
    const total = Math.max(0, Math.round(seconds));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const parts = [
      h ? plural(h, "hour") : "",
      m ? plural(m, "minute") : "",
      s || (!h && !m) ? plural(s, "second") : "",
    ];
    return parts.filter(Boolean).join(" ");
  },
  length: (seconds) => `Clip length: ${clipTime(seconds)}`,
  invalidStart: (max) => `Start must be a whole number of seconds from 0 to ${max}.`,
  invalidEnd: (max) => `End must be a whole number of seconds, at most ${max}.`,
  endBeforeStart: "End must be after the start.",
  nameLabel: "Name of the clip",
  nameHelp: "Optional. Shown in the library.",
  previewTitle: (start, end) => `Preview of the clip from ${start} to ${end}`,
  create: "Create clip",
  creating: "Creating…",
  created: (name) => `Clip “${name}” created; it is being processed.`,
  ready: (name) => `Clip “${name}” is ready.`,
  failed: (name) => `Clip “${name}” could not be processed.`,
  untitled: (start, end) => `Clip ${start}–${end}`,
  another: "Make another clip",
};

/** Texts of `StorageMeter` (its `messages` prop). */
export interface StorageMeterMessages {
  heading: string;
  /** Accessible name of the meter. */
  meterLabel: string;
  /** Visible figure and the meter's `aria-valuetext`. */
  used: (used: string, limit: string, percent: number) => string;
  /** No limit reported: only the minutes. */
  usedNoLimit: (used: string) => string;
  videos: (count: number) => string;
  /** For one creator. */
  creator: (creator: string) => string;
  nearlyFull: string;
  full: string;
  /** Minutes, formatted. */
  minutes: (minutes: number) => string;
}

const minutes = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export const storageMeterMessages: StorageMeterMessages = {
  heading: "Storage",
  meterLabel: "Minutes stored",
  used: (used, limit, percent) => `${used} of ${limit} minutes (${percent}%)`,
  usedNoLimit: (used) => `${used} minutes stored`,
  videos: (count) => plural(count, "video"),
  creator: (creator) => `For ${creator}`,
  nearlyFull: "Storage is nearly full.",
  full: "Storage is full: new uploads will be refused.",
  minutes: (n) => minutes.format(n),
};
