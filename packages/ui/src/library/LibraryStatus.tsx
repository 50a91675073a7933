import type { ReactNode } from "react";
import { useCommonMessages, useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import { RequestError } from "../parts/RequestError";
import type { Library } from "./useLibraryView";

/**
 * What a library view says around its items: loading, no videos, no matches, a failed request
 * with a retry (`refetch`, or `fetchNextPage` when loading more failed), "Load more".
 * The short state text sits in a polite live region that is always present.
 */
export function LibraryStatus({
  library,
  emptyAction,
}: {
  library: Library;
  emptyAction?: ReactNode;
}): ReactNode {
  const messages = useCommonMessages();
  const table = useMessages("table", tableMessages);
  const { videos, isPending, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } =
    library.list;
  const nextPageFailed = library.list.isFetchNextPageError;
  const failedFirst = error !== null && videos.length === 0;
  const empty = !isPending && !failedFirst && videos.length === 0 && !library.list.filtered;
  const text = isPending
    ? messages.loading
    : failedFirst || videos.length > 0
      ? ""
      : library.list.filtered
        ? table.noMatches
        : table.empty;
  return (
    <>
      <p className="sk-status" role="status">
        {text}
      </p>
      {empty && emptyAction !== undefined && <div className="sk-empty">{emptyAction}</div>}
      {error && !isPending && (
        <RequestError
          error={error}
          onRetry={() => void (nextPageFailed ? fetchNextPage() : refetch())}
        />
      )}
      {hasNextPage && !error && (
        <button
          type="button"
          className="sk-button"
          aria-disabled={isFetchingNextPage || undefined}
          onClick={library.loadMore}
        >
          {isFetchingNextPage ? messages.loading : table.loadMore}
        </button>
      )}
    </>
  );
}
