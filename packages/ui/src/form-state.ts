/**
 * What a form's server action answers (`useActionState`): the API's message and each invalid
 * field's own message by field name, or a success sentence (`ok`, shown as a toast).
 */
export type FormState = { error?: string; fields?: Record<string, string>; ok?: string };

/** A server action a form posts to, answering the form's next state. */
export type FormAction = (previous: FormState, data: FormData) => Promise<FormState>;
