import type { ConsentState } from '../contacts/contact.entity';

export type KeywordClass = 'opt_out' | 'opt_in' | 'help' | 'none';

// Twilio's and the carriers' default keywords (TWILIO.md §6.1); REVOKE and OPTOUT since 2025-04-29.
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['YES', 'START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

/** While pending, the opt-in prompt is repeated at most once a day. */
export const PROMPT_REPEAT_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A keyword is the whole text: trimmed, any case, trailing punctuation ignored ("Yes!" is YES).
 * "cancel my appointment" is an ordinary message, not an opt-out.
 */
export function classifyKeyword(body: string): { keywordClass: KeywordClass; keyword: string | null } {
  const word = body.trim().replace(/[\s.!?,;:)]+$/u, '').toUpperCase();
  if (OPT_OUT.has(word)) return { keywordClass: 'opt_out', keyword: word };
  if (OPT_IN.has(word)) return { keywordClass: 'opt_in', keyword: word };
  if (HELP.has(word)) return { keywordClass: 'help', keyword: word };
  return { keywordClass: 'none', keyword: null };
}

export type AutomaticReply = 'opt_in_prompt' | 'welcome' | 'help';

export interface ConsentSituation {
  state: ConsentState;
  lastPromptedAt: Date | null;
  /** The carrier blocks the number this text came in on (the client texted STOP to it). */
  carrierBlockedHere: boolean;
  keywordClass: KeywordClass;
  now: Date;
}

export interface ConsentDecision {
  nextState: ConsentState;
  /** The consent record to write, when the state changes. */
  record: 'prompted' | 'opted_in' | 'opted_out' | null;
  carrierBlock: 'set' | 'lift' | null;
  reply: AutomaticReply | null;
}

/**
 * What an inbound text does to a phone's consent (DESIGN.md "SMS contracts"):
 * none → pending on the first text (send the prompt); an opt-in keyword → opted_in (send the
 * welcome), also as a first text; an opt-out keyword → opted_out from any state, on every number,
 * with no confirmation of our own; HELP → the help text to anyone not opted out.
 */
export function decideConsent(situation: ConsentSituation): ConsentDecision {
  const { state, keywordClass } = situation;
  switch (keywordClass) {
    case 'opt_out':
      return {
        nextState: 'opted_out',
        record: state === 'opted_out' ? null : 'opted_out',
        carrierBlock: situation.carrierBlockedHere ? null : 'set',
        reply: null,
      };
    case 'opt_in': {
      const lift = situation.carrierBlockedHere ? 'lift' : null;
      if (state === 'opted_in') return { nextState: state, record: null, carrierBlock: lift, reply: null };
      return { nextState: 'opted_in', record: 'opted_in', carrierBlock: lift, reply: 'welcome' };
    }
    case 'help':
      return { nextState: state, record: null, carrierBlock: null, reply: state === 'opted_out' ? null : 'help' };
    case 'none':
      if (state === 'none') return { nextState: 'pending', record: 'prompted', carrierBlock: null, reply: 'opt_in_prompt' };
      if (state === 'pending' && promptIsDue(situation)) {
        return { nextState: 'pending', record: null, carrierBlock: null, reply: 'opt_in_prompt' };
      }
      return { nextState: state, record: null, carrierBlock: null, reply: null };
  }
}

function promptIsDue({ lastPromptedAt, now }: ConsentSituation): boolean {
  return !lastPromptedAt || now.getTime() - lastPromptedAt.getTime() >= PROMPT_REPEAT_AFTER_MS;
}

/** Which automatic or staff texts may go to a phone in a given consent state. */
export function mayReceive(state: ConsentState, kind: 'opt_in_prompt' | 'help' | 'other'): boolean {
  if (state === 'opted_out') return false;
  if (state === 'opted_in') return true;
  return kind === 'opt_in_prompt' || kind === 'help';
}
