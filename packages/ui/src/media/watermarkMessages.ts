import type { AudioTrackStatus, WatermarkPosition } from "@streamkit/core/media";

/** Texts of `WatermarkPicker` (its `messages` prop). */
export interface WatermarkPickerMessages {
  /** The group's legend when no `label` is given. */
  label: string;
  none: string;
  empty: string;
  untitled: string;
  position: Record<WatermarkPosition, string>;
  /** The line under a profile's name, e.g. "Lower right, 10% wide". */
  summary: (position: string, scalePercent: number) => string;
}

/** Texts of `WatermarksManager` (its `messages` prop). */
export interface WatermarksMessages {
  heading: string;
  list: string;
  empty: string;
  untitled: string;
  position: Record<WatermarkPosition, string>;
  /** Scale, opacity and the image, e.g. "10% wide · 80% opaque · 120×40 px, 2 KB". */
  details: (p: {
    scale: number;
    opacity: number;
    width?: number;
    height?: number;
    size?: number;
  }) => string;
  preview: (name: string) => string;
  createLegend: string;
  source: string;
  fromFile: string;
  fromUrl: string;
  fileLabel: string;
  fileHelp: string;
  urlLabel: string;
  nameLabel: string;
  positionLabel: string;
  opacityLabel: string;
  paddingLabel: string;
  scaleLabel: string;
  fractionHelp: string;
  create: string;
  creating: string;
  noFile: string;
  notImage: string;
  tooLarge: (maxMb: number) => string;
  invalidUrl: string;
  /** A setting out of range or a file the checks refused; `detail` is core's reason. */
  invalid: (detail: string) => string;
  created: (name: string) => string;
  delete: string;
  deleteProfile: (name: string) => string;
  confirmDelete: (name: string) => string;
  confirm: string;
  cancel: string;
  deleted: (name: string) => string;
  /** The proxy refused a create or delete (403): only admins may change profiles. */
  needsAdmin: string;
  /** The proxy refused to list them (403). */
  listForbidden: string;
}

/** Texts of `AudioTracksPanel` (its `messages` prop). */
export interface AudioTracksMessages {
  heading: string;
  list: string;
  empty: string;
  status: Record<AudioTrackStatus, string>;
  isDefault: string;
  addLegend: string;
  labelLabel: string;
  labelHelp: string;
  source: string;
  fromUrl: string;
  fromFile: string;
  urlLabel: string;
  fileLabel: string;
  add: string;
  adding: string;
  notReady: string;
  /** In place of the forms when the video failed to process. */
  unavailable: string;
  noLabel: string;
  duplicateLabel: string;
  noFile: string;
  invalidUrl: string;
  invalid: (detail: string) => string;
  added: (label: string) => string;
  ready: (label: string) => string;
  failed: (label: string) => string;
  rename: string;
  renameTrack: (label: string) => string;
  newLabel: string;
  save: string;
  renamed: (label: string) => string;
  makeDefault: string;
  makeTrackDefault: (label: string) => string;
  madeDefault: (label: string) => string;
  delete: string;
  deleteTrack: (label: string) => string;
  confirmDelete: (label: string) => string;
  confirm: string;
  cancel: string;
  deleted: (label: string) => string;
}

const POSITION: Record<WatermarkPosition, string> = {
  upperRight: "Upper right",
  upperLeft: "Upper left",
  lowerLeft: "Lower left",
  lowerRight: "Lower right",
  center: "Center",
};

const pct = (fraction: number) => Math.round(fraction * 100);

export const watermarkPickerMessages: WatermarkPickerMessages = {
  label: "Watermark",
  none: "No watermark",
  empty: "No watermark profiles yet.",
  untitled: "Untitled profile",
  position: POSITION,
  summary: (position, scale) => `${position}, ${scale}% wide`,
};

export const watermarksMessages: WatermarksMessages = {
  heading: "Watermark profiles",
  list: "Watermark profiles",
  empty: "No watermark profiles yet.",
  untitled: "Untitled profile",
  position: POSITION,
  details: ({ scale, opacity, width, height, size }) =>
    [
      `${pct(scale)}% wide`,
      `${pct(opacity)}% opaque`,
      width && height ? `${width}×${height} px` : "",
      size ? `${Math.max(1, Math.round(size / 1024))} KB` : "",
    ]
      .filter(Boolean)
      .join(" · "),
  preview: (name) => `Preview of ${name}`,
  createLegend: "Add a watermark profile",
  source: "Image from",
  fromFile: "A file",
  fromUrl: "A URL",
  fileLabel: "Image file",
  fileHelp: "PNG, JPEG, GIF or WebP, at most 2 MB.",
  urlLabel: "Image URL",
  nameLabel: "Name",
  positionLabel: "Position",
  opacityLabel: "Opacity",
  paddingLabel: "Padding",
  scaleLabel: "Scale",
  fractionHelp: "From 0 to 1.",
  create: "Add profile",
  creating: "Adding…",
  noFile: "Choose an image file.",
  notImage: "This file is not an image: choose a PNG, JPEG, GIF or WebP file.",
  tooLarge: (max) => `This image is too large: at most ${max} MB.`,
  invalidUrl: "Enter the http(s) URL of an image.",
  invalid: (detail) => `This cannot be used: ${detail}.`,
  created: (name) => `Watermark profile ${name} added.`,
  delete: "Delete",
  deleteProfile: (name) => `Delete watermark profile ${name}`,
  confirmDelete: (name) => `Delete the profile ${name}? Videos made with it keep their watermark.`,
  confirm: "Delete",
  cancel: "Cancel",
  deleted: (name) => `Watermark profile ${name} deleted.`,
  needsAdmin:
    "Only an admin can create or delete watermark profiles: the server refused this change (403).",
  listForbidden: "Only an admin can see the watermark profiles: the server refused (403).",
};

export const audioTracksMessages: AudioTracksMessages = {
  heading: "Audio tracks",
  list: "Additional audio tracks",
  empty: "No additional audio tracks yet.",
  status: { queued: "Preparing…", ready: "Ready", error: "Failed" },
  isDefault: "Default",
  addLegend: "Add an audio track",
  labelLabel: "Label",
  labelHelp: "What viewers see in the player's menu, e.g. English or Director's commentary.",
  source: "Audio from",
  fromUrl: "A URL",
  fromFile: "A file",
  urlLabel: "Audio URL",
  fileLabel: "Audio file",
  add: "Add track",
  adding: "Adding…",
  notReady: "Audio tracks can be added once the video is ready.",
  unavailable: "This video could not be processed.",
  noLabel: "Give the track a label.",
  duplicateLabel: "Another track has this label already.",
  noFile: "Choose an audio file.",
  invalidUrl: "Enter the http(s) URL of an audio file.",
  invalid: (detail) => `This cannot be used: ${detail}.`,
  added: (label) => `Audio track ${label} added; it is being prepared.`,
  ready: (label) => `Audio track ${label} is ready.`,
  failed: (label) => `Audio track ${label} could not be prepared.`,
  rename: "Rename",
  renameTrack: (label) => `Rename ${label}`,
  newLabel: "New label",
  save: "Save",
  renamed: (label) => `Renamed to ${label}.`,
  makeDefault: "Make default",
  makeTrackDefault: (label) => `Make default: ${label}`,
  madeDefault: (label) => `${label} is now the default track.`,
  delete: "Delete",
  deleteTrack: (label) => `Delete audio track ${label}`,
  confirmDelete: (label) => `Delete the audio track ${label}?`,
  confirm: "Delete",
  cancel: "Cancel",
  deleted: (label) => `Audio track ${label} deleted.`,
};

/** The name of a profile's position; one the API added since shows as it is. */
export function positionName(names: Record<WatermarkPosition, string>, position = "upperRight") {
  return Object.hasOwn(names, position) ? names[position as WatermarkPosition] : position;
}
