import type { LiveInput } from "@streamkit/core/live-inputs";
import { type ReactNode, useState } from "react";
import { Heading, type HeadingLevel } from "../parts/Heading";
import { CopyButton } from "./CopyButton";
import { ffmpegCommand } from "./ffmpegCommand";
import type { LiveInputPanelMessages } from "./messages";
import { RevealButton, SecretValue } from "./Secret";

type SecretField = "streamKey" | "passphrase";

interface Row {
  id: string;
  name: string;
  value: string | undefined;
  secret?: SecretField;
}

/**
 * Where an encoder sends the broadcast: each URL and key with a Copy button, the secrets
 * masked behind a Reveal toggle, and the ffmpeg test command (its key masked with the stream
 * key). Mounted with `key={uid}`, so another input starts masked again.
 */
export function Credentials({
  input,
  text,
  ffmpeg,
  headingLevel,
}: {
  input: LiveInput;
  text: LiveInputPanelMessages;
  ffmpeg: boolean;
  /** The panel's heading level: these parts sit one below it. */
  headingLevel: HeadingLevel;
}): ReactNode {
  const subheading = Math.min(6, headingLevel + 1) as HeadingLevel;
  const [revealed, setRevealed] = useState<Record<SecretField, boolean>>({
    streamKey: false,
    passphrase: false,
  });
  const toggle = (field: SecretField) =>
    setRevealed((current) => ({ ...current, [field]: !current[field] }));

  const rows: Row[] = [
    { id: "rtmps", name: text.rtmpsUrl, value: input.rtmps?.url },
    { id: "key", name: text.streamKey, value: input.rtmps?.streamKey, secret: "streamKey" },
    { id: "srt", name: text.srtUrl, value: input.srt?.url },
    { id: "srt-id", name: text.srtStreamId, value: input.srt?.streamId },
    {
      id: "srt-pass",
      name: text.srtPassphrase,
      value: input.srt?.passphrase,
      secret: "passphrase",
    },
    { id: "webrtc", name: text.webRtcUrl, value: input.webRTC?.url },
  ];
  const command = ffmpeg ? ffmpegCommand(input.rtmps) : undefined;
  const key = input.rtmps?.streamKey ?? "";
  // The command names the stream key: it is masked while the key is.
  const [before, after] =
    command && !revealed.streamKey && key ? splitOnce(command, key) : [command, undefined];

  return (
    <>
      <div className="sk-live-section">
        <Heading level={subheading}>{text.credentials}</Heading>
        <dl className="sk-live-credentials">
          {rows.map(
            (row) =>
              row.value && (
                <div key={row.id} className="sk-live-credential">
                  <dt>{row.name}</dt>
                  <dd>
                    {row.secret ? (
                      <SecretValue value={row.value} revealed={revealed[row.secret]} text={text} />
                    ) : (
                      <code className="sk-live-value">{row.value}</code>
                    )}
                    {row.secret && (
                      <RevealButton
                        name={row.name}
                        revealed={revealed[row.secret]}
                        onToggle={() => toggle(row.secret as SecretField)}
                        text={text}
                      />
                    )}
                    <CopyButton value={row.value} name={row.name} text={text} />
                  </dd>
                </div>
              ),
          )}
        </dl>
      </div>
      {command && (
        <div className="sk-live-section">
          <Heading level={subheading}>{text.ffmpegHeading}</Heading>
          <p className="sk-field__help">{text.ffmpegHelp}</p>
          <pre className="sk-live-command">
            <code>
              {before}
              {after !== undefined && (
                <>
                  <span aria-hidden="true">••••••••••••</span>
                  <span className="sk-visually-hidden">{text.hidden}</span>
                  {after}
                </>
              )}
            </code>
          </pre>
          <CopyButton value={command} name={text.ffmpegCommand} text={text} />
        </div>
      )}
    </>
  );
}

/** `text` around the first `part`, or `text` alone when `part` is not in it. */
function splitOnce(text: string, part: string): [string, string | undefined] {
  const at = text.indexOf(part);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + part.length)];
}
