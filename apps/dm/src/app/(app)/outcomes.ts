/** What a reviewer's decision did, said once for the page that comes next (`?after=`). */
export const OUTCOMES = {
  approve: "Approved: the client has been asked for the final approval.",
  edit: "Your edit is saved and approved: the client has been asked for the final approval.",
  reject: "Rejected: the agent is redrafting with your feedback.",
  retry: "Sent back to the agent to redraft.",
} as const;

export type Outcome = keyof typeof OUTCOMES;
export const outcomeOf = (raw: string | undefined): Outcome | undefined =>
  raw && raw in OUTCOMES ? (raw as Outcome) : undefined;
