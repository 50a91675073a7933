import { VIDEO_STATES, type VideoState, videoPhase } from "@streamkit/core";
import { type ReactNode, useId } from "react";
import { useCommonMessages, useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import type { Library } from "./useLibraryView";

/** The search box and the status filter of a library view, plus any actions (bulk delete). */
export function LibraryToolbar({
  library,
  children,
}: {
  library: Library;
  children?: ReactNode;
}): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("table", tableMessages);
  const id = useId();
  return (
    <div className="sk-toolbar">
      <div className="sk-field">
        <label htmlFor={`${id}-search`}>{text.searchLabel}</label>
        <input
          id={`${id}-search`}
          className="sk-input"
          type="search"
          autoComplete="off"
          value={library.search}
          onChange={(event) => library.setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") library.list.flushSearch();
          }}
        />
      </div>
      <div className="sk-field">
        <label htmlFor={`${id}-status`}>{text.statusFilterLabel}</label>
        <select
          id={`${id}-status`}
          className="sk-input"
          value={library.status}
          onChange={(event) => library.setStatus(event.target.value as VideoState | "")}
        >
          <option value="">{text.allStatuses}</option>
          {VIDEO_STATES.map((state) => (
            <option key={state} value={state}>
              {messages.phase[videoPhase({ status: { state } })]}
            </option>
          ))}
        </select>
      </div>
      {children}
    </div>
  );
}
