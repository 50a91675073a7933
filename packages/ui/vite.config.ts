import { libraryConfig } from "../../vite.lib.config.ts";

export default libraryConfig({
  entry: {
    index: "src/index.ts",
    captions: "src/captionsEntry.ts",
    live: "src/liveEntry.ts",
    media: "src/mediaEntry.ts",
    upload: "src/uploadEntry.ts",
    video: "src/videoEntry.ts",
  },
  react: true,
});
