import type { ReactNode } from "react";

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** `<h2>`…`<h6>`: components take a `headingLevel` so they fit the page's outline. */
export function Heading({
  level,
  id,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  children: ReactNode;
}): ReactNode {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className="sk-heading">
      {children}
    </Tag>
  );
}
