import Link from "next/link";

export default function NotFound() {
  return (
    <section aria-labelledby="missing-heading" className="card">
      <h1 id="missing-heading">Nothing here</h1>
      <p>This video was deleted, belongs to someone else, or this link never pointed at one.</p>
      <Link href="/">Back to your videos</Link>
    </section>
  );
}
