import { libraryConfig } from "../../vite.lib.config";

export default libraryConfig({ entry: { index: "src/index.ts", cli: "src/cli.ts" } });
