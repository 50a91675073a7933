import { libraryConfig } from "../../vite.lib.config";

export default libraryConfig({
  entry: {
    index: "src/index.ts",
    webhooks: "src/webhooks.ts",
    captions: "src/captions.ts",
    upload: "src/upload/index.ts",
    urls: "src/urlsEntry.ts",
    live: "src/liveUpdates.ts",
    requests: "src/requests/index.ts",
    media: "src/media/index.ts",
    "live-inputs": "src/liveInputs/index.ts",
  },
});
