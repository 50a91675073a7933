import { useCreateLiveInput, useLiveInputs } from "@streamkit/hooks/live-inputs";
import { describeError } from "@streamkit/ui";
import { type FormEvent, useId, useState } from "react";
import { liveHref, navigate } from "../router";

/**
 * The account's live inputs: make one (it records by default, so a broadcast lands in the
 * library) and open it for its credentials, its player and its recordings.
 */
export function LivePage() {
  const inputs = useLiveInputs();
  const create = useCreateLiveInput();
  const [name, setName] = useState("");
  const nameId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { meta: { name: name.trim() || "Untitled broadcast" }, recording: { mode: "automatic" } },
      { onSuccess: (input) => navigate(liveHref(input.uid)) },
    );
  };
  const list = inputs.data?.liveInputs ?? [];
  return (
    <>
      <div className="page-title">
        <h1>Live</h1>
      </div>
      <section className="card" aria-labelledby="live-create-heading">
        <h2 id="live-create-heading">New live input</h2>
        <p className="hint">
          A live input is where a broadcaster (OBS, ffmpeg, a phone app) sends its stream. Its
          broadcasts are recorded into the library.
        </p>
        <form className="live-create" onSubmit={submit}>
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="Town hall"
            maxLength={200}
          />
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create live input"}
          </button>
        </form>
        {create.error && (
          <p role="alert" className="live-error">
            The live input was not created. {describeError(create.error)}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="live-inputs-heading">
        <h2 id="live-inputs-heading">Live inputs</h2>
        {inputs.error ? (
          <p role="alert" className="live-error">
            The live inputs could not be loaded. {describeError(inputs.error)}{" "}
            <button type="button" onClick={() => void inputs.refetch()}>
              Try again
            </button>
          </p>
        ) : inputs.isPending ? (
          <p aria-busy="true">Loading live inputs…</p>
        ) : list.length === 0 ? (
          <p>No live inputs yet: create one above, then push to it.</p>
        ) : (
          <ul className="live-list">
            {list.map((input) => {
              const label =
                typeof input.meta?.name === "string" && input.meta.name
                  ? input.meta.name
                  : input.uid;
              return (
                <li key={input.uid}>
                  <a href={liveHref(input.uid)}>{label}</a>
                  <span className="hint">
                    {input.created ? ` created ${new Date(input.created).toLocaleString()}` : ""}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
