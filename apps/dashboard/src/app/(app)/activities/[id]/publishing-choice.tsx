import type { components, paths } from "@leadmetrics/api-client";
import { CHANNEL_CATALOG, channelKindLabel, channelServes, isSocialChannelKind } from "@leadmetrics/catalog";
import { Card } from "@leadmetrics/ui";
import { FormSelect, SubmitButton } from "@leadmetrics/ui/forms";
import { addImage, choosePublishing } from "./actions";

type Activity = paths["/tenant/v1/activities/{id}"]["get"]["responses"][200]["content"]["application/json"];
type Channel = components["schemas"]["Channel"];
type Media = paths["/tenant/v1/media"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

/** Approved and on its way (or out): where and with what it is published is settled (the API says 409). */
const SETTLED = new Set(["client_approved", "publishing", "published"]);

/**
 * Where the activity is published: one of the connected sites or accounts that can publish it,
 * and for a social post the images from the media library (the ticked ones, in the library's
 * order). Shown until the client approves it, and again if publishing failed.
 */
export function PublishingChoice(props: { activity: Activity; channels: Channel[]; media: Media[] }) {
  const a = props.activity;
  const target = a.publishTo.target;
  if (target === "app" || SETTLED.has(a.status)) return null;
  const options = props.channels.filter((c) => channelServes(target, c.kind));
  const social = target === "social";
  // Images can be chosen once the post has a draft (it holds them).
  const images = social && a.currentVersionId !== null;
  const kind = a.publishTo.channel?.kind;
  const maxImages = kind && isSocialChannelKind(kind) ? CHANNEL_CATALOG[kind].media.maxImages : 10;
  return (
    <Card title="Publishing to">
      {options.length === 0 ? (
        <p className="text-sm text-slate-600">
          No {social ? "social account" : "site"} that can publish this is connected yet.{" "}
          <a className="text-indigo-700 underline" href="/channels">
            Connect one in Channels
          </a>
          .
        </p>
      ) : (
        <form action={choosePublishing} aria-label="Publishing to">
          <input type="hidden" name="id" value={a.id} />
          {images ? <input type="hidden" name="images" value="on" /> : null}
          <FormSelect
            label={social ? "Account" : "Site"}
            name="channelId"
            defaultValue={a.channelId ?? ""}
            options={[
              {
                value: "",
                label: social
                  ? `The first connected ${a.channel ? channelKindLabel(a.channel) : "social"} account`
                  : "The first connected site",
              },
              ...options.map((c) => ({ value: c.id, label: `${c.name} (${channelKindLabel(c.kind)})` })),
            ]}
          />
          {images ? (
            <fieldset className="mb-4">
              <legend className="text-sm font-medium text-slate-700">Images</legend>
              <p className="mt-1 text-xs text-slate-500">
                From the media library; {kind ? channelKindLabel(kind) : "the network"} takes up to {maxImages}. They
                are resized to its rules when published.
              </p>
              {props.media.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">The media library has no images yet.</p>
              ) : (
                <ul className="mt-2 grid grid-cols-3 gap-2">
                  {props.media.map((m) => (
                    <li key={m.id}>
                      <label className="group relative block cursor-pointer">
                        <input
                          type="checkbox"
                          name="mediaId"
                          value={m.id}
                          defaultChecked={a.mediaIds.includes(m.id)}
                          className="peer absolute top-1.5 left-1.5 h-4 w-4 accent-indigo-600"
                        />
                        {/* biome-ignore lint/performance/noImgElement: the library's file through the portal's own route */}
                        <img
                          src={`/media/${m.id}`}
                          alt={m.filename}
                          className="aspect-square w-full rounded-md border border-slate-200 object-cover peer-checked:ring-2 peer-checked:ring-indigo-600"
                        />
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          ) : null}
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Save
          </SubmitButton>
        </form>
      )}
      {images && options.length > 0 ? (
        <form action={addImage} aria-label="Add an image" className="mt-4 border-t border-slate-100 pt-4">
          <input type="hidden" name="id" value={a.id} />
          {a.mediaIds.map((m) => (
            <input key={m} type="hidden" name="current" value={m} />
          ))}
          <label className="block text-sm font-medium text-slate-700" htmlFor="add-image">
            Add an image
          </label>
          <p className="mt-1 text-xs text-slate-500">
            JPEG, PNG, GIF or WebP up to 10 MB; it also joins the media library.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <input
              id="add-image"
              type="file"
              name="file"
              accept="image/jpeg,image/png,image/gif,image/webp"
              required
              className="max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
            />
            <SubmitButton variant="secondary" pendingLabel="Uploading…">
              Upload and add
            </SubmitButton>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
