import { buttonClass, Card, PageHeader } from "@leadmetrics/ui";
import { workspaceMetadata } from "@leadmetrics/ui/server";
import { readConnectFailure } from "../../connect-outcome";

export const generateMetadata = () => workspaceMetadata("Not connected");

/** A connect that did not finish: the API's reason, that nothing was stored, and the way back. */
export default async function ConnectFailedPage() {
  const failure = await readConnectFailure();
  return (
    <>
      <PageHeader title="The account was not connected" />
      <Card className="max-w-2xl">
        <div role="alert" data-testid="connect-failure" className="space-y-3 text-sm text-slate-800">
          <p className="text-base">
            {failure ?? "This connection did not finish. Nothing was stored: start connecting again from Channels."}
          </p>
          <p className="text-slate-600">Nothing was connected or stored. You can try again now.</p>
        </div>
        <div className="mt-5 flex flex-wrap gap-3">
          <a href="/channels#connect" className={buttonClass()}>
            Connect again
          </a>
          <a href="/channels" className="inline-flex items-center px-1 py-2 text-sm text-slate-700 underline">
            Back to Channels
          </a>
        </div>
      </Card>
    </>
  );
}
