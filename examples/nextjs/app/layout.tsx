import "@streamkit/ui/styles.css";
import "./globals.css";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { readStreamConfig } from "@/lib/config";
import { currentUser } from "@/lib/session";
import { signOut } from "./actions";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "streamkit on Next.js",
  description: "A video library on Cloudflare Stream, built with streamkit's public packages",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // What the browser may know: where videos are delivered from, never the account or the token.
  const { delivery, sdkUrl } = readStreamConfig();
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <Link href="/" className="app-header__brand">
            streamkit <span>on Next.js</span>
          </Link>
          {user && (
            <form action={signOut} className="app-header__session">
              <span>
                Signed in as <strong>{user}</strong>
              </span>
              <button type="submit" className="sk-button">
                Sign out
              </button>
            </form>
          )}
        </header>
        <main className="app-main">
          {/* Signed out there is nothing to fetch: no provider, no `/events` stream to refuse. */}
          {user ? (
            <Providers delivery={delivery} sdkUrl={sdkUrl}>
              {children}
            </Providers>
          ) : (
            children
          )}
        </main>
      </body>
    </html>
  );
}
