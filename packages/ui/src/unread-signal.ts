/**
 * The unread count changed in this tab (the inbox marked something read): the bell follows at
 * once, without waiting for the API's live event to come back over the socket.
 */
const EVENT = "leadmetrics:unread";

export const announceUnread = (unread: number) => window.dispatchEvent(new CustomEvent(EVENT, { detail: unread }));

export function onUnreadAnnounced(listener: (unread: number) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<number>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
