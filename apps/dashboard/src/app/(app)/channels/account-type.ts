/** A network's account type in words: "organization" on LinkedIn is a company page. */
const TYPE_WORDS: Record<string, string> = {
  organization: "Company page",
  member: "Personal profile",
  page: "Page",
  "business account": "Business account",
  business_account: "Business account",
  location: "Business location",
  user: "Account",
};

export const accountTypeLabel = (type: string | null | undefined): string | null =>
  type ? (TYPE_WORDS[type] ?? type.charAt(0).toUpperCase() + type.slice(1).replace(/_/g, " ")) : null;
