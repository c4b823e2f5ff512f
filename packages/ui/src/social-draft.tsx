import type { SocialChannelKind } from "@leadmetrics/catalog";
import { Card } from "./index";
import { ChangeNote } from "./markdown";
import { type PreviewAccount, type PreviewImage, SocialPostPreview } from "./social-preview";

/** A version of a social post as people review it: as its network will show it, with the writer's note beside it. */
export function SocialDraftView(props: {
  heading: string;
  version: { body: string; changeNote: string | null };
  kind: SocialChannelKind;
  account: PreviewAccount | null;
  images: PreviewImage[];
}) {
  return (
    <Card title={props.heading}>
      <ChangeNote note={props.version.changeNote} />
      <SocialPostPreview kind={props.kind} account={props.account} text={props.version.body} images={props.images} />
    </Card>
  );
}
