/** Texts of `UploadFromUrlForm` (`messages.upload`). */
export interface UploadMessages {
  urlLabel: string;
  urlPlaceholder: string;
  nameLabel: string;
  submit: string;
  submitting: string;
  invalidUrl: string;
  started: (name: string) => string;
  ready: (name: string) => string;
  /** Accessible name of the list of this form's uploads. */
  uploads: string;
}

export const uploadMessages: UploadMessages = {
  urlLabel: "Video URL",
  urlPlaceholder: "https://example.com/video.mp4",
  nameLabel: "Name (optional)",
  submit: "Upload from URL",
  submitting: "Starting…",
  invalidUrl: "Enter a full http:// or https:// address of a video file.",
  started: (name) => `Upload of ${name} started.`,
  ready: (name) => `${name} is ready.`,
  uploads: "Uploads",
};
