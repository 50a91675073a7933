import type { Video } from "@streamkit/core";
import { delay, HttpResponse, http } from "msw";
import type { MockVideo } from "./lifecycle";

/** Where the mock's one-time upload URLs point (same origin, so msw answers them). */
export const MOCK_UPLOAD = "/mock-upload";

export interface MockUploadOptions {
  /** How long a one-time upload POST takes to be answered, ms (keeps a story "uploading"). */
  uploadDelay?: number;
  /** Answer one-time upload POSTs with this HTTP status: 410 (expired), 503 (retryable), … */
  uploadFailWith?: number;
  /** Only the first N upload POSTs fail. Defaults to all. */
  uploadFailTimes?: number;
}

const PENDING: Partial<Video> = {
  readyToStream: false,
  status: { state: "pendingupload", pctComplete: "0", errorReasonCode: "", errorReasonText: "" },
};

const fail = (status: number, message: string) =>
  HttpResponse.json(
    { result: null, success: false, errors: [{ code: 10011, message }], messages: [] },
    { status },
  );

/**
 * Direct creator uploads for the mock backend: `POST {base}/direct_upload` makes a video in
 * `pendingupload` and a one-time URL; the POST of the file to it starts the lifecycle at `queued`.
 */
export function uploadHandlers(
  base: string,
  library: { add(partial: Partial<MockVideo>): MockVideo; videos: Map<string, MockVideo> },
  options: MockUploadOptions & { pace?: number },
) {
  let failures = 0;
  return [
    http.post(`${base}/direct_upload`, async ({ request }) => {
      const body = (await request.json()) as { meta?: { name?: string } & Record<string, unknown> };
      const { name, ...meta } = body.meta ?? {};
      const mock = library.add({
        createdAt: Date.now(),
        pace: options.pace ?? 1_500,
        name: typeof name === "string" ? name : "upload",
        source: "upload",
        meta,
        overrides: PENDING,
      });
      return HttpResponse.json({
        result: { uid: mock.uid, uploadURL: `${MOCK_UPLOAD}/${mock.uid}` },
        success: true,
        errors: [],
        messages: [],
      });
    }),
    http.post(`${MOCK_UPLOAD}/:uid`, async ({ params, request }) => {
      const mock = library.videos.get(String(params.uid));
      if (!mock) return fail(404, "No direct upload with this id.");
      await request.arrayBuffer();
      if (options.uploadDelay) await delay(options.uploadDelay);
      if (
        options.uploadFailWith &&
        failures < (options.uploadFailTimes ?? Number.POSITIVE_INFINITY)
      ) {
        failures += 1;
        return fail(
          options.uploadFailWith,
          options.uploadFailWith === 410
            ? "This upload URL has expired."
            : "The mock upload failed.",
        );
      }
      if (mock.overrides.status?.state !== "pendingupload")
        return fail(409, "This one-time upload URL has already been used.");
      const { status: _status, readyToStream: _ready, ...rest } = mock.overrides;
      mock.overrides = rest;
      mock.createdAt = Date.now() - mock.pace; // bytes in: the lifecycle goes on from `queued`
      return new HttpResponse(null, { status: 200 });
    }),
  ];
}
