import { renderToString } from "react-dom/server";
import { App } from "./App";

/** Server rendering in plain Node (no DOM), as a framework would do it. */
export function render(deliveryOrigin: string): string {
  return renderToString(<App deliveryOrigin={deliveryOrigin} />);
}
