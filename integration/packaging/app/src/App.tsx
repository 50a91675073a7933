// An app as a user would write it, against the packed packages only: every entry point in use.
import { StreamProvider } from "@streamkit/hooks";
import { StreamPlayer, UploadFromUrlForm, VideoTable } from "@streamkit/ui";
import { CaptionsPanel } from "@streamkit/ui/captions";
import { UploadDropzone } from "@streamkit/ui/upload";
import { type ReactNode, useState } from "react";

export interface AppProps {
  deliveryOrigin: string;
}

export function App({ deliveryOrigin }: AppProps): ReactNode {
  const [selected, setSelected] = useState<string>();
  return (
    <StreamProvider
      baseUrl="/api/stream"
      deliveryOrigin={deliveryOrigin}
      sdkUrl={`${deliveryOrigin}/embed/sdk.latest.js`}
    >
      <main>
        <h1>Packed streamkit</h1>
        <UploadFromUrlForm />
        <UploadDropzone />
        <VideoTable onSelect={(video) => setSelected(video.uid)} />
        {selected && (
          <section aria-label="Selected video">
            <StreamPlayer src={selected} controls />
            <CaptionsPanel uid={selected} />
          </section>
        )}
      </main>
    </StreamProvider>
  );
}
