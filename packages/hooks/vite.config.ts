import { libraryConfig } from "../../vite.lib.config.ts";

export default libraryConfig({
  entry: {
    index: "src/index.ts",
    captions: "src/captionsEntry.ts",
    media: "src/mediaEntry.ts",
    upload: "src/uploadEntry.ts",
    library: "src/libraryEntry.ts",
    "live-inputs": "src/liveInputsEntry.ts",
    server: "src/serverEntry.ts",
  },
  react: true,
});
