import type {
  CopyVideoRequest,
  DirectUploadRequest,
  SignedTokenRequest,
  UpdateVideoRequest,
} from "../types";
import { checkValues, fail, object } from "./rules";

/**
 * The value checks of each operation, run by the client before any request and by the proxy
 * before forwarding. Each throws `StreamValidationError` naming the field (`watermark.uid`, say).
 */

export function checkCopyRequest(body: CopyVideoRequest): void {
  checkValues(body);
  if (body.input === undefined && body.url === undefined) fail("input", "a video URL is required");
}

export function checkDirectUploadRequest(body: DirectUploadRequest): void {
  checkValues(body);
  if (body.maxDurationSeconds === undefined)
    fail("maxDurationSeconds", "required for direct uploads (1..36000)");
}

export function checkUpdateRequest(body: UpdateVideoRequest): void {
  checkValues(body);
}

/** The claims themselves are the signer's to judge (the proxy's, or the API's). */
export function checkSignedTokenRequest(body: SignedTokenRequest): void {
  object(body, "body");
}
