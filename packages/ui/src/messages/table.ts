/** Texts of `VideoTable` and `VideoGrid` (`messages.table`); the duration format is shared. */
export interface TableMessages {
  caption: string;
  searchLabel: string;
  statusFilterLabel: string;
  allStatuses: string;
  columnName: string;
  columnStatus: string;
  columnDuration: string;
  columnCreated: string;
  columnActions: string;
  selectRow: (name: string) => string;
  selectAll: string;
  delete: string;
  deleteSelected: (count: number) => string;
  confirmDelete: (name: string) => string;
  confirm: string;
  cancel: string;
  loadMore: string;
  empty: string;
  noMatches: string;
  untitled: string;
  /** Accessible name of a row's delete button, e.g. "Delete Cat video". */
  deleteVideo: (name: string) => string;
  confirmDeleteSelected: (count: number) => string;
  /** Announced after a delete request went out. */
  deleted: (count: number) => string;
  /** Shown where a duration or date is not known yet. */
  unknown: string;
  formatDuration: (seconds: number) => string;
  /** `created` of a video (an ISO date-time). Deterministic by default, so server and client agree. */
  formatCreated: (iso: string) => string;
  /** How long ago `iso` was, from `now` (ms), e.g. "5 minutes ago"; shown once the page is live. */
  formatAge: (iso: string, now: number) => string;
  /** The marker of a video that needs a signed URL to play (`requireSignedURLs`). */
  private: string;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

export const tableMessages: TableMessages = {
  caption: "Videos",
  searchLabel: "Search by name",
  statusFilterLabel: "Status",
  allStatuses: "All",
  columnName: "Name",
  columnStatus: "Status",
  columnDuration: "Duration",
  columnCreated: "Created",
  columnActions: "Actions",
  selectRow: (name) => `Select ${name}`,
  selectAll: "Select all",
  delete: "Delete",
  deleteSelected: (count) => `Delete ${count} selected`,
  confirmDelete: (name) => `Delete ${name}? This cannot be undone.`,
  confirm: "Delete",
  cancel: "Cancel",
  loadMore: "Load more",
  empty: "No videos yet.",
  noMatches: "No videos match these filters.",
  untitled: "Untitled video",
  deleteVideo: (name) => `Delete ${name}`,
  confirmDeleteSelected: (count) =>
    `Delete ${count} ${count === 1 ? "video" : "videos"}? This cannot be undone.`,
  deleted: (count) => `Deleted ${count} ${count === 1 ? "video" : "videos"}.`,
  unknown: "—",
  formatDuration: (seconds) => {
    const s = Math.round(seconds);
    const pad = (n: number) => String(n).padStart(2, "0");
    const h = Math.floor(s / 3600);
    const m = Math.floor(s / 60) % 60;
    return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
  },
  formatCreated: (iso) => iso.slice(0, 10),
  formatAge: (iso, now) => {
    const seconds = (Date.parse(iso) - now) / 1000;
    const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return "just now";
  },
  private: "Private",
};
