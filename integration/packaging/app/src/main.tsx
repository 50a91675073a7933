import "@streamkit/ui/styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const root = document.getElementById("root");
const deliveryOrigin = new URLSearchParams(location.search).get("delivery") ?? "";
if (root) createRoot(root).render(<App deliveryOrigin={deliveryOrigin} />);
