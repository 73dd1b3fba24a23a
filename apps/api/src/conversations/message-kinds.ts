/** Every kind of message (see MessageEntity). No imports, so pure modules such as the transcript formatter can use it. */
export const MESSAGE_KINDS = ['client', 'staff', 'opt_in_prompt', 'welcome', 'help', 'auto_reply', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The texts IVM writes on its own: shown lighter and labelled "IVM" in the inbox, "IVM (automatic)" in the transcript. */
export const AUTOMATIC_MESSAGE_KINDS: readonly MessageKind[] = ['opt_in_prompt', 'welcome', 'help', 'auto_reply'];

export function isAutomaticKind(kind: string): boolean {
  return (AUTOMATIC_MESSAGE_KINDS as readonly string[]).includes(kind);
}
