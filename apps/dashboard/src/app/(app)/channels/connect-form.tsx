import { ActionForm, FormField, SubmitButton } from "@leadmetrics/ui/forms";
import { connectWordPress } from "./actions";

/**
 * Connect WordPress. The site is asked before anything is saved, which takes a moment: the button
 * says so. A refusal is shown beside the field it is about and everything typed stays in place;
 * a success says what the site answered, in the form, and clears it.
 */
export function ConnectWordPressForm() {
  return (
    <ActionForm action={connectWordPress} label="Connect WordPress" okInline>
      <FormField label="Name" name="name" required defaultValue="Company blog" />
      <FormField label="Site address" name="siteUrl" type="url" required hint="e.g. https://blog.example.com" />
      <FormField label="WordPress user" name="username" required />
      <FormField
        label="Application password"
        name="applicationPassword"
        type="password"
        required
        hint="Users → Profile → Application Passwords. Never your login password."
      />
      <SubmitButton pendingLabel="Checking the site…">Connect</SubmitButton>
    </ActionForm>
  );
}
