import type { ReactNode } from "react";
import type { TableMessages } from "../messages/table";
import { useMinute } from "./useMinute";

/** `created` as "5 minutes ago" once live (the date on the server), the date always in its title. */
export function CreatedTime({ iso, text }: { iso: string; text: TableMessages }): ReactNode {
  const now = useMinute();
  const date = text.formatCreated(iso);
  return (
    <time dateTime={iso} title={date}>
      {now === undefined || Number.isNaN(Date.parse(iso)) ? date : text.formatAge(iso, now)}
    </time>
  );
}
