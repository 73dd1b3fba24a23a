import { aConversation, aMessage } from '../../test/fixtures';
import { mergeLiveConversations } from './live-conversations';
import { mergeLiveMessages } from './live-messages';

const filter = { queue: 'SAC', archived: false, q: '' };

describe(mergeLiveConversations.name, () => {
  it('should replace a row by its live version and keep newest activity first', () => {
    const rows = [aConversation({ id: 1, lastMessageAt: '2026-03-12T10:00:00Z' }), aConversation({ id: 2, lastMessageAt: '2026-03-12T09:00:00Z' })];
    const live = new Map([[2, aConversation({ id: 2, lastMessageAt: '2026-03-12T11:00:00Z', unreadCount: 1 })]]);
    expect(mergeLiveConversations(rows, live, filter).map((c) => [c.id, c.unreadCount])).toEqual([[2, 1], [1, 0]]);
  });

  it('should drop conversations moved to another queue, archived, or of a client just blocked', () => {
    const rows = [aConversation({ id: 1 }), aConversation({ id: 2 }), aConversation({ id: 3 })];
    const live = new Map([
      [1, aConversation({ id: 1, queue: 'LAC' })],
      [2, aConversation({ id: 2, status: 'archived' })],
      [3, aConversation({ id: 3, contact: { ...aConversation().contact, blocked: true } })],
    ]);
    expect(mergeLiveConversations(rows, live, filter)).toEqual([]);
  });

  it('should add a new conversation, but not while searching (only the API knows what matches)', () => {
    const live = new Map([[5, aConversation({ id: 5 })]]);
    expect(mergeLiveConversations([], live, filter).map((c) => c.id)).toEqual([5]);
    expect(mergeLiveConversations([], live, { ...filter, q: 'bella' })).toEqual([]);
  });
});

describe(mergeLiveMessages.name, () => {
  it('should never let a late status event undo a final one', () => {
    const fetched = [aMessage({ id: 1, direction: 'outbound', status: 'delivered' })];
    const live = new Map([[1, aMessage({ id: 1, direction: 'outbound', status: 'sent' })]]);
    expect(mergeLiveMessages(fetched, live)[0].status).toBe('delivered');
  });

  it('should add live texts in order', () => {
    const fetched = [aMessage({ id: 1 }), aMessage({ id: 3 })];
    const live = new Map([[2, aMessage({ id: 2 })], [4, aMessage({ id: 4 })]]);
    expect(mergeLiveMessages(fetched, live).map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });
});
