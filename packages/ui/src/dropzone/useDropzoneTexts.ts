import { useMemo } from "react";
import { useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import type { DropzoneTexts } from "./describe";
import { dropzoneMessages } from "./messages";

/** The dropzone's texts with the app's overrides; stable while those are. */
export function useDropzoneTexts(): DropzoneTexts {
  const text = useMessages("dropzone", dropzoneMessages);
  const { formatDuration } = useMessages("table", tableMessages);
  return useMemo(() => ({ text, formatDuration }), [text, formatDuration]);
}
