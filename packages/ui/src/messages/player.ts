/** Texts of `StreamPlayer` (`messages.player`). */
export interface PlayerMessages {
  /** Accessible name of the iframe when no `title` is given. */
  title: string;
  /** Label of the button that loads the player with `loading="click"`. */
  play: (name: string | undefined) => string;
  processing: string;
  failed: (reason: string) => string;
  /** Why a private video does not play when fresh signed tokens keep being refused. */
  tokenRefused: string;
}

export const playerMessages: PlayerMessages = {
  title: "Video player",
  play: (name) => (name ? `Play ${name}` : "Play video"),
  processing: "This video is still being processed. It will play when it is ready.",
  failed: (reason) => `This video cannot play: ${reason}`,
  tokenRefused:
    "its signed link was refused. Check the signing key and the video's allowed origins.",
};
