// Test-runner helpers: they import vitest, msw/node and Testing Library, so stories never load them.
export { type ServeOptions, serveModel } from "./serve";
export { advance, useFakeClock } from "./timers";
export { deferred, UPLOAD_ORIGIN, uploadFake } from "./uploadFake";
