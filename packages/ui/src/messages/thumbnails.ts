/** Texts of `ThumbnailPicker` (`messages.thumbnails`). */
export interface ThumbnailsMessages {
  heading: string;
  frame: (seconds: number) => string;
  save: string;
  saved: string;
  saving: string;
  /** Accessible name of the group of frames. */
  choose: string;
  /** Alternative text of the large preview of the chosen frame. */
  preview: (seconds: number) => string;
  notReady: string;
  failed: string;
}

export const thumbnailsMessages: ThumbnailsMessages = {
  heading: "Thumbnail",
  frame: (seconds) => `Frame at ${seconds.toFixed(1)} seconds`,
  save: "Use this frame",
  saved: "Thumbnail saved.",
  saving: "Saving…",
  choose: "Choose a frame",
  preview: (seconds) => `Chosen frame, at ${seconds.toFixed(1)} seconds`,
  notReady: "Frames can be chosen once the video is ready.",
  failed: "This video could not be processed, so it has no frames to choose from.",
};
