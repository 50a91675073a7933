/** Texts of `VideoDetails` (`messages.details`). */
export interface DetailsMessages {
  heading: string;
  nameLabel: string;
  metaLabel: string;
  addMeta: string;
  removeMeta: (key: string) => string;
  metaKey: string;
  metaValue: string;
  requireSignedURLs: string;
  allowedOrigins: string;
  allowedOriginsHelp: string;
  scheduledDeletion: string;
  save: string;
  saving: string;
  saved: string;
  delete: string;
  confirmDelete: string;
  confirm: string;
  cancel: string;
  deleting: string;
  notFound: string;
  unchanged: string;
  scheduledDeletionHelp: string;
  /** The lines of allowed origins that are not host names. */
  invalidOrigins: (lines: string[]) => string;
  metaKeyMissing: string;
  metaKeyDuplicate: (key: string) => string;
  /** The player's branding (`publicDetails`). */
  publicLegend: string;
  publicTitle: string;
  publicShareLink: string;
  publicChannelLink: string;
  publicLogo: string;
  publicHelp: string;
  invalidUrl: string;
}

export const detailsMessages: DetailsMessages = {
  heading: "Details",
  nameLabel: "Name",
  metaLabel: "Metadata",
  addMeta: "Add field",
  removeMeta: (key) => `Remove ${key}`,
  metaKey: "Key",
  metaValue: "Value",
  requireSignedURLs: "Require signed URLs (private video)",
  allowedOrigins: "Allowed origins",
  allowedOriginsHelp: "Host names that may embed the video, one per line; empty allows any.",
  scheduledDeletion: "Delete automatically on",
  save: "Save",
  saving: "Saving…",
  saved: "Saved.",
  delete: "Delete video",
  confirmDelete: "Delete this video? This cannot be undone.",
  confirm: "Delete",
  cancel: "Cancel",
  deleting: "Deleting…",
  notFound: "This video does not exist (any more).",
  unchanged: "Nothing to save.",
  scheduledDeletionHelp:
    "Between 30 days and 3 years from now, at the end of that day (UTC). Empty keeps the video.",
  invalidOrigins: (lines) =>
    `Not a host name: ${lines.join(", ")}. Write example.com or *.example.com, one per line.`,
  metaKeyMissing: "Give this value a key.",
  metaKeyDuplicate: (key) => `The key "${key}" is used twice.`,
  publicLegend: "Player details",
  publicTitle: "Title",
  publicShareLink: "Share link",
  publicChannelLink: "Channel link",
  publicLogo: "Logo URL",
  publicHelp: "Shown by the player. Empty clears a field.",
  invalidUrl: "Enter a full http(s) URL, such as https://example.com.",
};
