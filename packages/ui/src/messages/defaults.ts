import { useMemo } from "react";
import { dropzoneMessages } from "../dropzone/messages";
import { captionsMessages, downloadsMessages } from "../media/messages";
import { commonMessages } from "./common";
import { merge, useOverrides } from "./context";
import { detailsMessages } from "./details";
import { playerMessages } from "./player";
import { tableMessages } from "./table";
import { thumbnailsMessages } from "./thumbnails";
import type { StreamMessages } from "./types";
import { uploadMessages } from "./upload";

/**
 * Every default text, assembled from the groups. Components never read it (each imports its own
 * group), so a bundle that does not use it carries only the texts of the components it renders.
 */
export const defaultMessages: StreamMessages = {
  ...commonMessages,
  player: playerMessages,
  upload: uploadMessages,
  dropzone: dropzoneMessages,
  table: tableMessages,
  details: detailsMessages,
  thumbnails: thumbnailsMessages,
  captions: captionsMessages,
  downloads: downloadsMessages,
};

/** Every text in effect here: the defaults with all the overrides of the providers above. */
export function useStreamMessages(): StreamMessages {
  const overrides = useOverrides();
  return useMemo(() => merge(defaultMessages, overrides), [overrides]);
}
