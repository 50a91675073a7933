import { isUid, StreamApiError } from "@streamkit/core";
import { videoQueryOptions } from "@streamkit/hooks/server";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound, redirect } from "next/navigation";
import { VideoView } from "@/components/VideoView";
import { serverStreamClient } from "@/lib/serverStreamClient";
import { currentUser } from "@/lib/session";

interface VideoPageProps {
  params: Promise<{ uid: string }>;
}

/**
 * One video. The server reads it first, so the player's box is drawn at the video's own aspect
 * ratio with its poster in the first HTML (nothing moves when the iframe arrives), and a video
 * that is not this user's (the proxy answers 404 for another creator's) is a 404 page.
 */
export default async function VideoPage({ params }: VideoPageProps) {
  const { uid } = await params;
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!isUid(uid)) notFound();
  const queryClient = new QueryClient();
  try {
    await queryClient.fetchQuery(videoQueryOptions(serverStreamClient(user), uid));
  } catch (error) {
    if (error instanceof StreamApiError && error.status === 404) notFound();
    // Anything else (Stream briefly unreachable): the page renders and the browser retries.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <VideoView uid={uid} />
    </HydrationBoundary>
  );
}
