"use client";

/**
 * `@streamkit/ui/live`: live streaming, over `@streamkit/hooks/live-inputs`: the broadcast's
 * status badge, the owner's input panel (ingest URLs and keys, recording settings), the
 * simulcast outputs editor, the player that waits for a broadcast, and their texts. A subpath
 * of its own, like the hooks underneath it, so apps without live video do not carry it; its
 * styles are `@streamkit/ui/live.css`, beside `styles.css`.
 */
export {
  LiveInputPanel,
  type LiveInputPanelProps,
  type LiveInputPanelState,
} from "./LiveInputPanel";
export {
  LiveOutputsEditor,
  type LiveOutputsEditorProps,
  type LiveOutputsEditorState,
} from "./LiveOutputsEditor";
export { LivePlayer, type LivePlayerProps, type LivePlayerState } from "./LivePlayer";
export { LiveStatusBadge, type LiveStatusBadgeProps } from "./LiveStatusBadge";
export { ffmpegCommand } from "./live/ffmpegCommand";
export {
  type CopyMessages,
  defaultLiveMessages,
  type LiveInputPanelMessages,
  type LiveMessages,
  type LiveOutputsMessages,
  type LivePlayerMessages,
  type LiveStatusMessages,
  type SecretMessages,
} from "./live/messages";
export type { RecordingFormState } from "./live/RecordingForm";
