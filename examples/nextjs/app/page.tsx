import { videosQueryOptions } from "@streamkit/hooks/server";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { redirect } from "next/navigation";
import { AddVideos } from "@/components/AddVideos";
import { Library } from "@/components/Library";
import { serverStreamClient } from "@/lib/serverStreamClient";
import { currentUser } from "@/lib/session";

/**
 * The library, rendered on the server with its first page of videos already in it: the server
 * fetches the very query `VideoGrid` runs (`videosQueryOptions` with no filters) and hands the
 * cache over, so the first HTML holds the rows and the browser does not fetch them again.
 */
export default async function LibraryPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  // One QueryClient per request: a shared one would hand one user's videos to the next.
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery(videosQueryOptions(serverStreamClient(user)));
  return (
    <>
      <h1 className="page-title">Your videos</h1>
      <AddVideos />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Library />
      </HydrationBoundary>
    </>
  );
}
