/** The role a run reaches a person in: an item's responsible official, a unit's manager, or the clerk who registered items. */
export type Role = 'responsible' | 'manager' | 'registrar';

/**
 * Whom a message is for: a person, identified as everywhere in the product by their e-mail address
 * (items name people by it), with their name when known, in a role. Where the message is delivered
 * is the channel's to say (`Channel.addressOf`): the person is not their address on a channel.
 */
export interface Recipient {
  role: Role;
  email: string;
  name?: string;
}

/** A way of reaching people; e-mail is the first (`./email.ts`). `M` is what one message on it is. */
export interface Channel<M> {
  /** The recipient's address on this channel: what is sent to, and what bounces and is suppressed. */
  addressOf(recipient: Recipient): string;
  /** Sends one message; throws `SendError` with `retryable` for throttling and server faults. */
  send(address: string, message: M): Promise<{ messageId: string }>;
}

export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export type ClaimOutcome =
  | { state: 'claimed' }
  /** Already sent under the key: the items that message listed, so a rerun can still act on them. */
  | { state: 'sent'; itemIds: string[] }
  /** Another run holds a fresh claim: leave this recipient to it. */
  | { state: 'busy' };

/**
 * One message per key and recipient (a day's reminder, a week's overview of a unit), claimed with
 * a conditional write before it is sent and recorded after (README, "Delivery guarantee").
 */
export interface Claims {
  /** Claims the message; a claim made before `staleBefore` (a run that died between claim and record) may be taken over. ISO instants. */
  claim(key: string, recipient: Recipient, itemIds: string[], now: string, staleBefore: string): Promise<ClaimOutcome>;
  /** Records the channel's message id: the message is sent. */
  markSent(key: string, recipient: Recipient, messageId: string, now: string): Promise<void>;
  /** Gives up a claim not yet recorded as sent, so the next run sends the message. */
  release(key: string, recipient: Recipient): Promise<void>;
  /** Who has had their message under a key (the sent claims). */
  sentUnder(key: string): Promise<Pick<Recipient, 'role' | 'email'>[]>;
}

/** Addresses that bounced permanently or complained: nothing more is sent to them. */
export interface Suppressions {
  /** Those of `addresses` that are suppressed. */
  suppressed(addresses: string[]): Promise<Set<string>>;
  /** Marks an address as not to be sent to, idempotently; `at` an ISO instant. */
  suppress(address: string, reason: string, at: string): Promise<void>;
}

/** A line waiting for someone's next email. */
export interface Notice {
  id: string;
  /** The person's e-mail address. */
  recipient: string;
  text: string;
  /** The item the notice is about, when it is about one (see `Notices.addNotice`). */
  itemId?: string;
  /** Set when the notice answers an official (their request decided), with their name; else it is for a registrar. */
  official?: { name: string };
}

/** What a notice is about: an item (a registrar's notice), or the official it answers. */
export type NoticeAbout = { itemId: string } | { official: { name: string } };

/** Lines for people's next emails: a registrar's (an address that bounced, an official's request) or an official's (an answer). */
export interface Notices {
  /**
   * Leaves a notice for `recipient`'s next email, a registrar's unless `about` names the official it
   * answers (then it goes in the official's own email, as the one responsible). About an item
   * (`itemId`), the email shows what the item needs when it goes out (a request already answered is
   * not shown), not `text`. `at` an ISO instant.
   */
  addNotice(recipient: string, text: string, at: string, about?: NoticeAbout): Promise<void>;
  pendingNotices(): Promise<Notice[]>;
  clearNotices(notices: Notice[]): Promise<void>;
}
