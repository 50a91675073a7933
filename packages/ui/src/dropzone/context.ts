import type { UseUploadResult } from "@streamkit/hooks/upload";
import { createContext, useContext } from "react";
import type { DropzoneLimits } from "./describe";
import type { UploadRowActions } from "./UploadRow";
import type { FileDrop } from "./useFileDrop";

/** The root's state: `idle`, `dragover` (files held over the drop area), `disabled`. */
export type UploadDropzoneState = "idle" | "dragover" | "disabled";

/** What `UploadDropzoneRoot` shares with its parts, and with an app's own (`useUploadDropzone`). */
export interface UploadDropzoneContextValue {
  /** The upload queue (`useUpload`): `items` and `add`/`pause`/`resume`/`cancel`/`retry`/`remove`. */
  upload: UseUploadResult;
  /** Queues files with the root's `accept`, limits and `uploadOptions` (one file unless `multiple`). */
  addFiles: (files: File[]) => void;
  state: UploadDropzoneState;
  accept: string;
  multiple: boolean;
  disabled: boolean;
  limits: DropzoneLimits;
}

/** What only our parts use: ids, the drop handlers, and the row actions, made once. */
export interface DropzoneInternals extends UploadDropzoneContextValue {
  id: string;
  drop: FileDrop;
  actions: UploadRowActions;
}

export const UploadDropzoneContext = createContext<DropzoneInternals | null>(null);

/** The parts' access to their root; a part rendered outside one says which and where. */
export function useDropzonePart(part: string): DropzoneInternals {
  const context = useContext(UploadDropzoneContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`UploadDropzoneRoot\``);
  return context;
}

/**
 * The nearest `UploadDropzoneRoot`'s upload queue and settings, for parts an app writes itself
 * (a "Cancel all" button, a count of files left). Throws outside a root.
 */
export function useUploadDropzone(): UploadDropzoneContextValue {
  return useDropzonePart("useUploadDropzone");
}
