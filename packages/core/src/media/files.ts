import { StreamValidationError } from "../errors";

/** Duck-typed so a Blob from another realm (a test DOM, an iframe) passes too. */
export function assertBlob(file: unknown, what: string): asserts file is Blob {
  if (
    typeof (file as Blob | undefined)?.arrayBuffer !== "function" ||
    typeof (file as Blob).size !== "number"
  )
    throw new StreamValidationError("file", `expected ${what} (a File or a Blob)`);
}

export function assertSize(file: Blob, max: number, what: string): void {
  if (file.size === 0) throw new StreamValidationError("file", "the file is empty");
  if (file.size > max)
    throw new StreamValidationError(
      "file",
      `${what} may have at most ${max} bytes (${Math.round(max / 1024 / 1024)} MB), got ${file.size}`,
    );
}

const IMAGE_SIGNATURES: readonly (readonly (number | undefined)[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50], // WebP
];

/**
 * PNG, JPEG, GIF or WebP, by the file's first bytes rather than its name or `type`, which a
 * renamed file gets wrong. The API would refuse anything else after the whole upload.
 */
export async function assertImage(file: Blob): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const matches = IMAGE_SIGNATURES.some((signature) =>
    signature.every((byte, i) => byte === undefined || head[i] === byte),
  );
  if (!matches)
    throw new StreamValidationError(
      "file",
      "not an image: a watermark is a PNG, JPEG, GIF or WebP file",
    );
}
