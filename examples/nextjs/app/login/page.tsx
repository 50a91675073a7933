import { redirect } from "next/navigation";
import { currentUser } from "@/lib/session";
import { signIn } from "../actions";

interface LoginPageProps {
  searchParams: Promise<{ error?: string }>;
}

/** Sign-in: a name is the whole account here (see lib/session.ts); each name has its own library. */
export default async function LoginPage({ searchParams }: LoginPageProps) {
  if (await currentUser()) redirect("/");
  const invalid = (await searchParams).error === "name";
  return (
    <section aria-labelledby="login-heading" className="card login">
      <h1 id="login-heading">Sign in</h1>
      <p className="hint">Every name has a library of its own; nobody else sees its videos.</p>
      <form action={signIn} className="sk-form">
        <div className="sk-field">
          <label htmlFor="name">Your name</label>
          <input
            id="name"
            name="name"
            className="sk-input"
            required
            maxLength={64}
            pattern="[A-Za-z0-9_\-]+"
            autoComplete="username"
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "name-error" : "name-hint"}
          />
          {invalid ? (
            <p id="name-error" className="sk-field__error">
              Use 1 to 64 letters, digits, hyphens or underscores.
            </p>
          ) : (
            <p id="name-hint" className="hint">
              Letters, digits, hyphens or underscores, e.g. alice.
            </p>
          )}
        </div>
        <div className="sk-actions">
          <button type="submit" className="sk-button" data-variant="primary">
            Sign in
          </button>
        </div>
      </form>
    </section>
  );
}
