import { StreamApiError, StreamNetworkError, StreamValidationError } from "@streamkit/core";
import { VideoProcessingError } from "@streamkit/core/upload";
import { describe, expect, it } from "vitest";
import { describeError } from "../messages/describeError";

describe("describeError", () => {
  it("gives people the API's words without statuses or codes; developers keep both", () => {
    const error = new StreamApiError(400, [
      { code: 10059, message: "The uploaded file is not a video (unrecognized format)" },
    ]);
    expect(describeError(error)).toBe("The uploaded file is not a video (unrecognized format).");
    expect(error.message).toContain("400");
    expect(error.codes).toEqual([10059]);
  });

  it("words the statuses whose messages would not help", () => {
    const gone = new StreamApiError(404, [{ code: 10003, message: "No video with uid abc" }]);
    expect(describeError(gone)).toBe("It was not found. It may have been deleted.");
    expect(describeError(new StreamApiError(503, []))).toMatch(/not answering/);
    expect(describeError(new StreamApiError(429, []))).toMatch(/Try again in a moment/);
    expect(describeError(new StreamApiError(403, []))).toBe("The request was refused.");
  });

  it("keeps the library's own wordings, and says what a lost connection or timeout means", () => {
    const expired = new StreamApiError(
      410,
      [],
      undefined,
      "The upload link expired. Ask again.",
      true,
    );
    expect(describeError(expired)).toBe("The upload link expired. Ask again.");
    // A gateway's page is a developer's detail, however its message is built.
    const page = new StreamApiError(502, [], undefined, "the answer was not JSON (<html>)");
    expect(page.worded).toBe(false);
    expect(describeError(page)).toMatch(/not answering/);
    expect(describeError(new StreamNetworkError("fetch", "TypeError: Failed to fetch"))).toBe(
      "The server did not answer. Try again.",
    );
    expect(describeError(new StreamNetworkError("timeout", "after 30000 ms"))).toMatch(
      /did not answer/,
    );
  });

  it("keeps the field a validation error names, and uses a processing failure's reason", () => {
    expect(describeError(new StreamValidationError("uid", "expected 32 hex characters"))).toBe(
      "uid: expected 32 hex characters.",
    );
    const failed = new VideoProcessingError(
      { uid: "a", status: { state: "error" } },
      { code: "ERR_NON_VIDEO", text: "The file is not a video Stream can read.", detail: "" },
    );
    expect(describeError(failed)).toBe("The file is not a video Stream can read.");
    expect(describeError("boom")).toBe("The request was refused.");
  });
});
