import type { DropzoneMessages } from "../dropzone/messages";
import type { LiveMessages } from "../live/messages";
import type { CaptionsMessages, DownloadsMessages } from "../media/messages";
import type { CommonMessages } from "./common";
import type { DetailsMessages } from "./details";
import type { PlayerMessages } from "./player";
import type { TableMessages } from "./table";
import type { ThumbnailsMessages } from "./thumbnails";
import type { UploadMessages } from "./upload";

/**
 * Every text the components show or announce, in one object an app can replace in part
 * (`<StreamMessagesProvider messages={{ phase: { ready: "Prêt" } }}>`). English by default.
 * The shared texts sit at the top level; each component's own are a group.
 */
export interface StreamMessages extends CommonMessages {
  player: PlayerMessages;
  upload: UploadMessages;
  /** `UploadDropzone`: file uploads from the user's disk. */
  dropzone: DropzoneMessages;
  table: TableMessages;
  details: DetailsMessages;
  thumbnails: ThumbnailsMessages;
  captions: CaptionsMessages;
  downloads: DownloadsMessages;
}

/** The name of one component's group of texts. */
export type MessageGroup = Exclude<keyof StreamMessages, keyof CommonMessages>;

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};
export type StreamMessagesOverrides = DeepPartial<StreamMessages> & {
  /**
   * Texts of `@streamkit/ui/live`. Not a group of `StreamMessages`: their defaults
   * (`defaultLiveMessages`) live on that subpath, so apps without live video do not carry them.
   */
  live?: DeepPartial<LiveMessages>;
};
