import { isUid, StreamApiError, StreamValidationError } from "@streamkit/core";
import { useVideo } from "@streamkit/hooks";
import { type HTMLAttributes, type ReactNode, useId, useMemo } from "react";
import { cx } from "./cx";
import { DetailsForm } from "./details/DetailsForm";
import { useCommonMessages, useMessages } from "./messages/context";
import { detailsMessages } from "./messages/details";
import { Heading, type HeadingLevel } from "./parts/Heading";
import { RequestError } from "./parts/RequestError";

export interface VideoDetailsProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The video to edit; a new uid resets the form to that video. */
  uid: string;
  /** The video was deleted (after the confirm step). Navigate away here. */
  onDeleted?: () => void;
  /** Level of the "Details" heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
}

/**
 * Edit a video's name, other `meta` fields, signed-URL requirement, allowed origins and scheduled
 * deletion; save (optimistic, with the outcome in a live region) or delete with a confirm step.
 *
 * `data-state` on the form: see `DetailsState`.
 */
export function VideoDetails({
  uid,
  onDeleted,
  headingLevel = 2,
  className,
  ...rest
}: VideoDetailsProps): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("details", detailsMessages);
  const headingId = useId();
  const query = useVideo(uid);
  const notFound = query.error instanceof StreamApiError && query.error.isNotFound;
  // useVideo never fetches a malformed uid; say so instead of loading forever.
  const invalid = useMemo(
    () =>
      isUid(uid)
        ? undefined
        : new StreamValidationError("uid", "expected 32 lowercase hex characters"),
    [uid],
  );
  const error = invalid ?? query.error;

  return (
    <section {...rest} className={cx("sk-details", className)} aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {text.heading}
      </Heading>
      {query.data ? (
        <DetailsForm key={uid} video={query.data} labelledBy={headingId} onDeleted={onDeleted} />
      ) : notFound ? (
        <p className="sk-status">{text.notFound}</p>
      ) : error ? (
        <RequestError error={error} onRetry={invalid ? undefined : () => void query.refetch()} />
      ) : (
        <p className="sk-status" role="status">
          {messages.loading}
        </p>
      )}
    </section>
  );
}
