import { forwardRef, type HTMLAttributes, type ReactNode } from "react";
import { cx } from "../cx";
import { Heading, type HeadingLevel } from "./Heading";
import { FailureAlert } from "./RequestError";

export interface MediaSectionProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** Prefix of the heading's id (from `useId`). */
  idBase: string;
  heading: string;
  headingLevel: HeadingLevel;
  /** `data-state` of the section. */
  state: string;
  /** The list or status part. */
  children: ReactNode;
  /** A failed action, shown as an alert under the list. */
  failure?: Error | null;
  /** Forms after the list. */
  footer?: ReactNode;
  /** Polite announcement of outcomes. */
  announcement: string;
}

/**
 * The shell shared by the captions and downloads panels: a focusable, labelled section with its
 * heading, the list, an alert for a failed action, forms, and a live region.
 */
export const MediaSection = forwardRef<HTMLElement, MediaSectionProps>(function MediaSection(
  {
    idBase,
    heading,
    headingLevel,
    state,
    children,
    failure,
    footer,
    announcement,
    className,
    ...rest
  },
  ref,
) {
  return (
    <section
      {...rest}
      ref={ref}
      tabIndex={-1}
      className={cx("sk-media", className)}
      aria-labelledby={`${idBase}-heading`}
      data-state={state}
    >
      <Heading level={headingLevel} id={`${idBase}-heading`}>
        {heading}
      </Heading>
      {children}
      <FailureAlert error={failure} />
      {footer}
      <p className="sk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
});
