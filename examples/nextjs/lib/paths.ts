/** Where the Stream proxy is mounted (`app/api/stream/[[...path]]`): the browser client's `baseUrl`. */
export const STREAM_API_PATH = "/api/stream";
