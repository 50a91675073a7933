import type { OperationHandler } from "../context";
import type { OperationName } from "../routes";
import { copyAudio, deleteAudio, listAudio, updateAudio, uploadAudio } from "./audio";
import {
  captionVtt,
  deleteCaption,
  generateCaption,
  getCaption,
  listCaptions,
  uploadCaption,
} from "./captions";
import { createClip } from "./clips";
import { createDownload, deleteDownload, listDownloads } from "./downloads";
import { subscribeEvents } from "./events";
import {
  createLiveInput,
  createLiveOutput,
  deleteLiveInput,
  deleteLiveOutput,
  disableLiveInput,
  enableLiveInput,
  getLiveInput,
  listLiveInputs,
  listLiveOutputs,
  rotateLiveInputKeys,
  updateLiveInput,
  updateLiveOutput,
} from "./liveInputs";
import { createToken } from "./token";
import { directUpload, tusCreate } from "./uploads";
import { copyVideo, deleteVideo, getVideo, listVideos, storageUsage, updateVideo } from "./videos";
import { createWatermark, deleteWatermark, getWatermark, listWatermarks } from "./watermarks";

/** Operation name → handler. The type makes a route without a handler a compile error. */
export const HANDLERS: Record<OperationName, OperationHandler> = {
  "videos.list": listVideos,
  "videos.get": getVideo,
  "videos.update": updateVideo,
  "videos.delete": deleteVideo,
  "videos.copy": copyVideo,
  "uploads.direct": directUpload,
  "uploads.tus": tusCreate,
  "videos.token": createToken,
  "captions.list": listCaptions,
  "captions.get": getCaption,
  "captions.upload": uploadCaption,
  "captions.delete": deleteCaption,
  "captions.generate": generateCaption,
  "captions.vtt": captionVtt,
  "downloads.list": listDownloads,
  "downloads.create": createDownload,
  "downloads.delete": deleteDownload,
  "storage.usage": storageUsage,
  "events.subscribe": subscribeEvents,
  "clips.create": createClip,
  "watermarks.list": listWatermarks,
  "watermarks.get": getWatermark,
  "watermarks.create": createWatermark,
  "watermarks.delete": deleteWatermark,
  "audio.list": listAudio,
  "audio.copy": copyAudio,
  "audio.upload": uploadAudio,
  "audio.update": updateAudio,
  "audio.delete": deleteAudio,
  "liveInputs.list": listLiveInputs,
  "liveInputs.get": getLiveInput,
  "liveInputs.create": createLiveInput,
  "liveInputs.update": updateLiveInput,
  "liveInputs.delete": deleteLiveInput,
  "liveInputs.enable": enableLiveInput,
  "liveInputs.disable": disableLiveInput,
  "liveInputs.rotateKeys": rotateLiveInputKeys,
  "liveOutputs.list": listLiveOutputs,
  "liveOutputs.create": createLiveOutput,
  "liveOutputs.update": updateLiveOutput,
  "liveOutputs.delete": deleteLiveOutput,
};
