/**
 * A one-file multipart POST, written by hand: a test DOM's FormData does not mix with Node's
 * fetch, and the tests that send bytes run in both.
 */
export function multipartFile(bytes: Uint8Array, name = "v.mp4"): RequestInit {
  const boundary = "streamkit-stack-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: video/mp4\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  };
}
