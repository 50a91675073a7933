import type { RequestOptions, StreamClient } from "../client";
import {
  checkLiveInputRequest,
  checkLiveOutputRequest,
  checkLiveOutputUpdate,
} from "../requests/liveInputs";
import type { Video } from "../types";
import { assertUid } from "../validate";
import type {
  CreateLiveOutputRequest,
  LiveInput,
  LiveInputList,
  LiveInputRequest,
  LiveOutput,
} from "./types";

const base = "/live_inputs";
const one = (uid: string) => {
  assertUid(uid);
  return `${base}/${uid}`;
};

/** `GET /stream/live_inputs`: the account's inputs, without credentials. */
export async function listLiveInputs(
  client: StreamClient,
  params: { include_counts?: boolean } = {},
  options: RequestOptions = {},
): Promise<LiveInputList> {
  const query = new URLSearchParams();
  if (params.include_counts !== undefined)
    query.set("include_counts", String(params.include_counts));
  const { result } = await client.request<Partial<LiveInputList> | null>(base, {
    ...options,
    query,
  });
  const list: LiveInputList = {
    liveInputs: Array.isArray(result?.liveInputs) ? result.liveInputs : [],
    range: typeof result?.range === "number" ? result.range : 0,
  };
  if (typeof result?.total === "number") list.total = result.total;
  return list;
}

/** `GET /stream/live_inputs/{uid}`: the input with its credentials and connection status. */
export async function getLiveInput(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<LiveInput> {
  return (await client.request<LiveInput>(one(uid), options)).result;
}

export async function createLiveInput(
  client: StreamClient,
  body: LiveInputRequest = {},
  options: RequestOptions = {},
): Promise<LiveInput> {
  checkLiveInputRequest(body);
  return (await client.request<LiveInput>(base, { ...options, method: "POST", body })).result;
}

/** `PUT /stream/live_inputs/{uid}`: fields left out keep their value. */
export async function updateLiveInput(
  client: StreamClient,
  uid: string,
  body: LiveInputRequest,
  options: RequestOptions = {},
): Promise<LiveInput> {
  const path = one(uid);
  checkLiveInputRequest(body);
  return (await client.request<LiveInput>(path, { ...options, method: "PUT", body })).result;
}

/** `DELETE /stream/live_inputs/{uid}`: its recordings stay, as videos. */
export async function deleteLiveInput(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<void> {
  await client.request<string>(one(uid), { ...options, method: "DELETE" });
}

const action =
  (verb: "enable" | "disable" | "rotate_keys") =>
  async (client: StreamClient, uid: string, options: RequestOptions = {}): Promise<LiveInput> =>
    (await client.request<LiveInput>(`${one(uid)}/${verb}`, { ...options, method: "POST" })).result;

/** `POST …/enable`: the input accepts broadcasts again. */
export const enableLiveInput = action("enable");
/** `POST …/disable`: refuses broadcasts and drops the one in progress. */
export const disableLiveInput = action("disable");
/**
 * `POST …/rotate_keys`: new credentials for the same uid; a broadcaster on the old ones is
 * disconnected, and `keysRotatedAt` says when.
 */
export const rotateLiveInputKeys = action("rotate_keys");

/** `GET …/outputs`: the simulcast targets, their keys included. */
export async function listLiveOutputs(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<LiveOutput[]> {
  const { result } = await client.request<LiveOutput[] | null>(`${one(uid)}/outputs`, options);
  return Array.isArray(result) ? result : [];
}

export async function createLiveOutput(
  client: StreamClient,
  uid: string,
  body: CreateLiveOutputRequest,
  options: RequestOptions = {},
): Promise<LiveOutput> {
  const path = `${one(uid)}/outputs`;
  checkLiveOutputRequest(body);
  return (await client.request<LiveOutput>(path, { ...options, method: "POST", body })).result;
}

/** `PUT …/outputs/{output_uid}`: start or stop forwarding to that target. */
export async function updateLiveOutput(
  client: StreamClient,
  uid: string,
  outputUid: string,
  body: { enabled: boolean },
  options: RequestOptions = {},
): Promise<LiveOutput> {
  const path = `${one(uid)}/outputs/${outputPath(outputUid)}`;
  checkLiveOutputUpdate(body);
  return (await client.request<LiveOutput>(path, { ...options, method: "PUT", body })).result;
}

export async function deleteLiveOutput(
  client: StreamClient,
  uid: string,
  outputUid: string,
  options: RequestOptions = {},
): Promise<void> {
  const path = `${one(uid)}/outputs/${outputPath(outputUid)}`;
  await client.request<string>(path, { ...options, method: "DELETE" });
}

function outputPath(outputUid: string): string {
  assertUid(outputUid, "outputUid");
  return outputUid;
}

/** The input's recordings: videos with `liveInput` set, newest first (`GET /stream?live_input_id=`). */
export async function listLiveRecordings(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<Video[]> {
  assertUid(uid);
  return (await client.listVideos({ live_input_id: uid }, options)).videos;
}
