import { describe, expect, it } from "vitest";
import { MULTIPART_OVERHEAD_BYTES } from "./operations/captions";
import { envelopeOf, proxyFor, request } from "./test/helpers";
import { fake, serveFakeUpstream } from "./test/upstreamSetup";

serveFakeUpstream();

const tusHeaders = {
  "tus-resumable": "1.0.0",
  "upload-length": "5000000",
  "upload-metadata": "name dGVzdA==,requiresignedurls",
};

describe("direct uploads", () => {
  it("creates a basic one-time upload URL", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(
      request("POST", "/direct_upload", { json: { maxDurationSeconds: 600 } }),
    );
    expect(response.status).toBe(200);
    const body = (await envelopeOf(response)) as { result: { uploadURL: string; uid: string } };
    expect(body.result.uploadURL).toMatch(/^https:\/\/upload\.example\//);
    expect(fake.requests[0]?.path).toBe("/direct_upload");
    expect(fake.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  it("creates a tus upload with direct_user=true and answers 201 with an absolute Location", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(
      request("POST", "?direct_user=false&x=1", { headers: tusHeaders }),
    );
    expect(response.status).toBe(201);
    const seen = fake.requests[0];
    expect(seen?.path).toBe("");
    expect(seen?.query.toString()).toBe("direct_user=true");
    expect(seen?.headers["tus-resumable"]).toBe("1.0.0");
    expect(seen?.headers["upload-length"]).toBe("5000000");
    expect(seen?.headers["upload-metadata"]).toBe("name dGVzdA==,requiresignedurls");
    const mediaId = response.headers.get("stream-media-id");
    expect(mediaId).toMatch(/^[0-9a-f]{32}$/);
    // The fake answers a relative Location; the browser must be sent to the API, not the proxy.
    expect(response.headers.get("location")).toBe(`${fake.origin}/tus/${mediaId}?tusv2=true`);
    expect(response.headers.get("tus-resumable")).toBe("1.0.0");
    expect(response.headers.get("access-control-expose-headers")).toContain("stream-media-id");
  });

  it("explains what is missing on a POST without tus headers", async () => {
    const proxy = proxyFor(fake);
    const plain = await proxy.fetch(request("POST", ""));
    expect(plain.status).toBe(400);
    expect((await envelopeOf(plain)).errors[0]?.message).toContain("Tus-Resumable: 1.0.0");
    const noLength = await proxy.fetch(
      request("POST", "", { headers: { "tus-resumable": "1.0.0" } }),
    );
    expect(noLength.status).toBe(400);
    expect((await envelopeOf(noLength)).errors[0]?.message).toMatch(
      /^Upload-Length header required/,
    );
    const version = await proxy.fetch(
      request("POST", "", { headers: { ...tusHeaders, "tus-resumable": "0.2.2" } }),
    );
    expect(version.status).toBe(412);
    expect(version.headers.get("tus-version")).toBe("1.0.0");
    const metadata = await proxy.fetch(
      request("POST", "", { headers: { ...tusHeaders, "upload-metadata": "name not base64!" } }),
    );
    expect(metadata.status).toBe(400);
    const bytes = await proxy.fetch(request("POST", "", { headers: tusHeaders, body: "abc" }));
    expect(bytes.status).toBe(400);
    expect((await envelopeOf(bytes)).errors[0]?.message).toContain("carries no bytes");
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a tus upload larger than limits.uploadBytes with 413", async () => {
    const proxy = proxyFor(fake, { limits: { uploadBytes: 1000 } });
    const response = await proxy.fetch(
      request("POST", "", { headers: { ...tusHeaders, "upload-length": "1001" } }),
    );
    expect(response.status).toBe(413);
    expect((await envelopeOf(response)).errors[0]?.message).toContain("limits.uploadBytes");
  });
});

describe("caption uploads", () => {
  const form = (text: string) => {
    const data = new FormData();
    data.set("file", new Blob([text], { type: "text/vtt" }), "en.vtt");
    return data;
  };

  it("streams a multipart caption file upstream", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const response = await proxy.fetch(
      request("PUT", `/${video.uid}/captions/en`, {
        body: form("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n"),
      }),
    );
    expect(response.status).toBe(200);
    const seen = fake.requests[0];
    expect(seen?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen?.body.toString()).toContain("00:00.000 --> 00:01.000");
  });

  it("refuses a caption over the cap with 413 and a non-multipart body with 415", async () => {
    const proxy = proxyFor(fake, { limits: { captionBytes: 100 } });
    const video = fake.addVideo();
    // The cap is the file's; the multipart framing around it gets MULTIPART_OVERHEAD_BYTES more.
    const big = await proxy.fetch(
      request("PUT", `/${video.uid}/captions/en`, {
        body: form(`WEBVTT\n\n${"x".repeat(100 + MULTIPART_OVERHEAD_BYTES)}`),
      }),
    );
    expect(big.status).toBe(413);
    expect((await envelopeOf(big)).errors[0]?.message).toContain("limits.captionBytes");
    const json = await proxy.fetch(
      request("PUT", `/${video.uid}/captions/en`, { json: { file: "WEBVTT" } }),
    );
    expect(json.status).toBe(415);
  });

  it("takes a file of exactly the cap: the framing does not count against it", async () => {
    const proxy = proxyFor(fake, { limits: { captionBytes: 1000 } });
    const video = fake.addVideo();
    const text = `WEBVTT\n\n${"x".repeat(1000 - 8)}`;
    expect(new Blob([text]).size).toBe(1000);
    const response = await proxy.fetch(
      request("PUT", `/${video.uid}/captions/en`, { body: form(text) }),
    );
    expect(response.status).toBe(200);
  });

  it("cuts off a streamed caption without content-length once it passes the cap", async () => {
    const proxy = proxyFor(fake, { limits: { captionBytes: 1024 } });
    const video = fake.addVideo();
    const chunk = new Uint8Array(4096).fill(65);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await proxy.fetch(
      new Request(`http://app.test/api/stream/${video.uid}/captions/en`, {
        method: "PUT",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
  });
});
