/**
 * `@streamkit/core/captions`: captions (§3.8) and MP4/M4A downloads (§3.9) over the proxy
 * contract, with their checks. A subpath of its own so the main entry stays small: only apps that
 * manage captions or downloads load it.
 */
import type { RequestOptions, StreamClient } from "./client";
import { StreamValidationError } from "./errors";
import type { components } from "./generated/stream-api";
import { videoPhase } from "./status";
import type { Video } from "./types";
import { assertUid } from "./validate";

type Schemas = components["schemas"];

/** `ready`, `inprogress` (a generated caption being made) or `error`. */
export type CaptionStatus = Schemas["stream_caption_status"];

/**
 * A caption or subtitle track. The schema marks every field optional; the API always sends
 * `language` and `label`. `status` and `generated` came with generated captions, so an older
 * answer may lack them: read the status with `captionStatus()`.
 */
export type Caption = Required<Pick<Schemas["stream_captions"], "language" | "label">> &
  Omit<Schemas["stream_captions"], "language" | "label">;

/** `default` is the MP4, `audio` the M4A. */
export type DownloadType = Schemas["stream_download_type"];
export type DownloadStatus = Schemas["stream_download_status"];
/** `{ status, percentComplete (0..100, a number), url }`; the URL works once `status` is `ready`. */
export type Download = Schemas["stream_downloads"];
/** The `result` of every downloads operation: one entry per type that was created. */
export type Downloads = Partial<Record<DownloadType, Download>>;

/** The languages Stream can generate captions for. */
export const CAPTION_GENERATE_LANGUAGES = [
  "cs",
  "nl",
  "en",
  "fr",
  "de",
  "it",
  "ja",
  "ko",
  "pl",
  "pt",
  "ru",
  "es",
] as const;
export type GeneratableLanguage = (typeof CAPTION_GENERATE_LANGUAGES)[number];

/** The API's cap on a caption file: 10 MB. */
export const MAX_CAPTION_BYTES = 10 * 1024 * 1024;

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** `ready` when an older answer has no status: only uploads existed then. */
export function captionStatus(caption: Pick<Caption, "status">): CaptionStatus {
  return caption.status ?? "ready";
}

/** A BCP-47 tag in its canonical form (`pt-br` → `pt-BR`), or `StreamValidationError`. */
export function assertCaptionLanguage(value: unknown, field = "language"): string {
  let canonical: string | undefined;
  if (typeof value === "string" && LANGUAGE.test(value)) {
    try {
      canonical = Intl.getCanonicalLocales(value)[0];
    } catch {}
  }
  if (!canonical) {
    throw new StreamValidationError(
      field,
      `expected a BCP-47 language tag such as en, de or pt-BR, got ${JSON.stringify(value)}`,
    );
  }
  return canonical;
}

export function isGeneratableLanguage(value: unknown): value is GeneratableLanguage {
  return CAPTION_GENERATE_LANGUAGES.includes(value as GeneratableLanguage);
}

/** One of `CAPTION_GENERATE_LANGUAGES`, or `StreamValidationError` naming them. */
export function assertGeneratableLanguage(value: unknown, field = "language"): GeneratableLanguage {
  if (!isGeneratableLanguage(value)) {
    throw new StreamValidationError(
      field,
      `captions can be generated in ${CAPTION_GENERATE_LANGUAGES.join(", ")}; not in ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * Checks a caption file before it is sent: UTF-8 text that starts with `WEBVTT` (after an
 * optional byte order mark), not empty, at most 10 MB. Throws `StreamValidationError` (`file`).
 */
export async function checkWebVtt(file: Blob | string): Promise<void> {
  const fail = (message: string): never => {
    throw new StreamValidationError("file", message);
  };
  // Duck-typed, so a Blob from another realm (a test DOM, an iframe) passes too.
  if (typeof file !== "string" && typeof file?.arrayBuffer !== "function") {
    fail("expected a WebVTT file (a File, a Blob or a string)");
  }
  const blob = typeof file === "string" ? new Blob([file]) : file;
  if (blob.size === 0) fail("the file is empty");
  if (blob.size > MAX_CAPTION_BYTES) {
    fail(`a caption file may have at most ${MAX_CAPTION_BYTES} bytes (10 MB), got ${blob.size}`);
  }
  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await blob.arrayBuffer());
  } catch {
    fail("not a text file: WebVTT is UTF-8 text");
  }
  if (text.includes("\u0000")) fail("not a text file: WebVTT is UTF-8 text");
  if (!/^\uFEFF?WEBVTT(?:[ \t][^\r\n]*)?(?:\r\n|\r|\n|$)/.test(text)) {
    fail(
      /^\d+\s*\r?\n\s*\d{2}:\d{2}/.test(text)
        ? "this looks like SubRip (.srt); convert it to WebVTT (.vtt) first"
        : `a WebVTT file starts with the line WEBVTT, this one with ${JSON.stringify(text.slice(0, 20))}`,
    );
  }
}

/**
 * Generating captions and making downloads need a ready video. Checked before the request, so
 * the caller gets a clear `StreamValidationError` (`video`) instead of the API's 4xx.
 */
export function assertVideoReady(video: Video, action: string): void {
  const phase = videoPhase(video);
  if (phase !== "ready") {
    throw new StreamValidationError(
      "video",
      `${action} needs a ready video; this one is ${phase === "error" ? "failed" : phase}`,
    );
  }
}

// Operations. Each checks its input and throws StreamValidationError before any request.

/** `GET /{uid}/captions`: every caption, generated ones in progress or failed included. */
export async function listCaptions(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<Caption[]> {
  assertUid(uid);
  const { result } = await client.request<Caption[]>(`/${uid}/captions`, options);
  return Array.isArray(result) ? result : [];
}

/** `PUT /{uid}/captions/{language}`, multipart field `file`: adds or replaces that language. */
export async function uploadCaption(
  client: StreamClient,
  uid: string,
  language: string,
  file: Blob | string,
  options: RequestOptions = {},
): Promise<Caption> {
  assertUid(uid);
  const lang = assertCaptionLanguage(language);
  await checkWebVtt(file);
  const body = new FormData();
  body.append(
    "file",
    typeof file === "string" ? new Blob([file], { type: "text/vtt" }) : file,
    `${lang}.vtt`,
  );
  return (
    await client.request<Caption>(`/${uid}/captions/${lang}`, { ...options, method: "PUT", body })
  ).result;
}

/** `POST /{uid}/captions/{language}/generate`: answers at once with `status: "inprogress"`. */
export async function generateCaption(
  client: StreamClient,
  uid: string,
  language: string,
  options: RequestOptions = {},
): Promise<Caption> {
  assertUid(uid);
  assertGeneratableLanguage(language);
  return (
    await client.request<Caption>(`/${uid}/captions/${language}/generate`, {
      ...options,
      method: "POST",
    })
  ).result;
}

/** `DELETE /{uid}/captions/{language}`. */
export async function deleteCaption(
  client: StreamClient,
  uid: string,
  language: string,
  options: RequestOptions = {},
): Promise<void> {
  assertUid(uid);
  const lang = assertCaptionLanguage(language);
  await client.request<string>(`/${uid}/captions/${lang}`, { ...options, method: "DELETE" });
}

/** `GET /{uid}/captions/{language}/vtt`: the WebVTT text itself, for a preview or an editor. */
export async function getCaptionText(
  client: StreamClient,
  uid: string,
  language: string,
  options: RequestOptions = {},
): Promise<string> {
  assertUid(uid);
  const lang = assertCaptionLanguage(language);
  const { result } = await client.request<string>(`/${uid}/captions/${lang}/vtt`, {
    ...options,
    as: "text",
  });
  return typeof result === "string" ? result : "";
}

/** `default` or `audio`, or `StreamValidationError` (`type`). */
export function assertDownloadType(value: unknown, field = "type"): DownloadType {
  if (value !== "default" && value !== "audio") {
    throw new StreamValidationError(
      field,
      `expected default or audio, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function downloadsPath(uid: string, type: DownloadType): string {
  assertUid(uid);
  assertDownloadType(type);
  // `/downloads` is the default one on every API version; `/downloads/audio` is newer.
  return `/${uid}/downloads${type === "default" ? "" : "/audio"}`;
}

const downloadsOf = (result: unknown): Downloads =>
  typeof result === "object" && result !== null ? (result as Downloads) : {};

/** `GET /{uid}/downloads`: `{ default?, audio? }`, each with `status` and `percentComplete`. */
export async function listDownloads(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<Downloads> {
  return downloadsOf(
    (await client.request<Downloads>(downloadsPath(uid, "default"), options)).result,
  );
}

/** `POST /{uid}/downloads[/audio]`: starts making the file; answers with every download. */
export async function createDownload(
  client: StreamClient,
  uid: string,
  type: DownloadType = "default",
  options: RequestOptions = {},
): Promise<Downloads> {
  return downloadsOf(
    (await client.request<Downloads>(downloadsPath(uid, type), { ...options, method: "POST" }))
      .result,
  );
}

/** `DELETE /{uid}/downloads[/audio]`. */
export async function deleteDownload(
  client: StreamClient,
  uid: string,
  type: DownloadType = "default",
  options: RequestOptions = {},
): Promise<void> {
  await client.request<string>(downloadsPath(uid, type), { ...options, method: "DELETE" });
}
