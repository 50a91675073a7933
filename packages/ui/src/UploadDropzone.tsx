import type { ReactNode } from "react";
import { UploadDropzoneInput } from "./dropzone/UploadDropzoneInput";
import { UploadDropzoneList, UploadDropzoneStatus } from "./dropzone/UploadDropzoneList";
import { UploadDropzoneRoot, type UploadDropzoneRootProps } from "./dropzone/UploadDropzoneRoot";

export type { UploadDropzoneOptions } from "./dropzone/UploadDropzoneRoot";

export interface UploadDropzoneProps extends Omit<UploadDropzoneRootProps, "children"> {
  /** More fields inside the dropzone, after the drop area: a `WatermarkPicker`, say. */
  fields?: ReactNode;
}

/**
 * Upload videos from the user's disk: a drop area and a real file input (keyboard and screen
 * reader friendly), files checked against `accept`/`maxSizeBytes`/`maxDurationSeconds` before any
 * request, one row per file with progress, pause/resume/cancel/retry, then the live processing
 * status until ready. Needs a `StreamProvider`.
 *
 * The ready-made composition of `UploadDropzoneRoot` > `UploadDropzoneInput`,
 * `UploadDropzoneStatus`, `UploadDropzoneList`; compose those by hand to rearrange or add parts.
 *
 * `data-state` on the root and the drop area: `idle`, `dragover`, `disabled`; on the list:
 * `active`, `idle`; on each row: the upload's state.
 */
export function UploadDropzone({ fields, ...props }: UploadDropzoneProps): ReactNode {
  return (
    <UploadDropzoneRoot {...props}>
      <UploadDropzoneInput />
      {fields}
      <UploadDropzoneStatus />
      <UploadDropzoneList />
    </UploadDropzoneRoot>
  );
}
