import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { liveTestDataProvider, renderInAdmin } from '../../test/admin-test-kit';
import { aConversation, aMessage, aQueue } from '../../test/fixtures';
import { CONVERSATIONS_TOPIC } from '../providers/realtime-topics';
import type { Conversation } from '../providers/api-types';
import { ConversationListPane } from './ConversationListPane';
import { useConversationList } from './useConversationList';

const queue = aQueue();

function ListHarness() {
  const [archived, setArchived] = useState(false);
  const [q, setQ] = useState('');
  const list = useConversationList({ queue: 'SAC', archived, q });
  return (
    <ConversationListPane
      queue={queue}
      queues={[queue]}
      list={list}
      archived={archived}
      onArchivedChange={setArchived}
      q={q}
      onSearch={setQ}
      selectedId={undefined}
      linkTo={(conversation) => `/inbox/${conversation.id}`}
    />
  );
}

function renderList(rows: Conversation[] | ((filter: Record<string, unknown>) => Conversation[])) {
  const getList = jest.fn(async (_resource: string, params: { filter: Record<string, unknown> }) => {
    const data = typeof rows === 'function' ? rows(params.filter) : rows;
    return { data, total: data.length };
  });
  const kit = liveTestDataProvider({ getList });
  renderInAdmin(<ListHarness />, { dataProvider: kit.dataProvider });
  return { ...kit, getList };
}

const rowOf = (name: string) => screen.getByRole('link', { name: new RegExp(name) });

describe(ConversationListPane.name, () => {
  it('should show each conversation\'s client, patients with species, last words and unread count', async () => {
    renderList([
      aConversation({ id: 1, title: 'Jane Doe', unreadCount: 2, lastMessagePreview: 'Is Bella ready for pickup?' }),
      aConversation({ id: 2, title: 'Miller Family Dairy', unreadCount: 0, patients: [{ id: 'P9', name: 'Rosie', species: 'bovine' }], lastMessagePreview: 'Thanks' }),
    ]);
    const jane = await screen.findByRole('link', { name: /Jane Doe/ });
    expect(within(jane).getByText('Bella (canine), Whiskers (feline)')).toBeInTheDocument();
    expect(within(jane).getByText('“Is Bella ready for pickup?”')).toBeInTheDocument();
    expect(jane).toHaveAccessibleName(expect.stringContaining('2 unread texts'));
    expect(within(jane).getByText((_, element) => element?.tagName === 'SPAN' && element.firstChild?.textContent === '2')).toBeVisible();
    const miller = rowOf('Miller Family Dairy');
    expect(within(miller).getByText('Rosie (bovine)')).toBeInTheDocument();
    expect(within(miller).queryByText(/unread/)).not.toBeInTheDocument();
  });

  it('should say the consent state when the client is not opted in, and name shared phones', async () => {
    renderList([
      aConversation({ id: 1, title: '(217) 555-0177', clients: [], patients: [], contact: { ...aConversation().contact, consentState: 'pending' } }),
      aConversation({ id: 2, title: 'Dorothy Schmidt', contact: { ...aConversation().contact, consentState: 'opted_out' } }),
      aConversation({ id: 3, title: 'Emily Chen', contact: { ...aConversation().contact, carrierBlocked: true } }),
      aConversation({ id: 4, title: 'Jane Doe or John Doe', linkedClientId: null, clients: [
        { id: 'C1', displayName: 'Jane Doe', patients: [] }, { id: 'C2', displayName: 'John Doe', patients: [] },
      ] }),
    ]);
    expect(within(await screen.findByRole('link', { name: /555-0177/ })).getByText('awaiting YES')).toBeInTheDocument();
    expect(within(rowOf('Dorothy Schmidt')).getByText('opted out')).toBeInTheDocument();
    expect(within(rowOf('Emily Chen')).getByText('must text START to SAC')).toBeInTheDocument();
    expect(within(rowOf('Jane Doe or John Doe')).getByText('2 clients')).toBeInTheDocument();
  });

  it('should tell how clients reach an empty queue', async () => {
    renderList([]);
    expect(await screen.findByText('No conversations in SAC yet. Clients text 1-844-407-3300 to reach this queue.')).toBeInTheDocument();
  });

  it('should list archived conversations, with blocked clients labelled, when Show archived is on', async () => {
    const { getList } = renderList((filter) => filter.archived
      ? [aConversation({ id: 9, title: 'Blocked Person', status: 'archived', contact: { ...aConversation().contact, blocked: true } })]
      : [aConversation({ id: 1, title: 'Jane Doe' })]);
    await screen.findByRole('link', { name: /Jane Doe/ });
    await userEvent.click(screen.getByRole('switch', { name: 'Show archived' }));
    const row = await screen.findByRole('link', { name: /Blocked Person/ });
    expect(within(row).getByText('blocked')).toBeInTheDocument();
    expect(getList).toHaveBeenLastCalledWith('conversations', expect.objectContaining({ filter: { queue: 'SAC', archived: true } }));
  });

  it('should ask the API as the search is typed', async () => {
    const { getList } = renderList((filter) => (filter.q === 'bella' ? [aConversation({ id: 1, title: 'Jane Doe' })] : []));
    await screen.findByText(/No conversations in SAC yet/);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search name, pet, phone' }), 'bella');
    expect(await screen.findByRole('link', { name: /Jane Doe/ })).toBeInTheDocument();
    expect(getList).toHaveBeenLastCalledWith('conversations', expect.objectContaining({ filter: { queue: 'SAC', archived: false, q: 'bella' } }));
  });

  it('should move a conversation with a new text to the top and add a new one, without a reload', async () => {
    const { publish } = renderList([
      aConversation({ id: 1, title: 'Jane Doe', lastMessageAt: '2026-03-12T19:00:00Z' }),
      aConversation({ id: 2, title: 'Bob Smith', lastMessageAt: '2026-03-12T18:00:00Z' }),
    ]);
    await screen.findByRole('link', { name: /Jane Doe/ });
    publish(CONVERSATIONS_TOPIC, 'created', aConversation({ id: 2, title: 'Bob Smith', lastMessageAt: '2026-03-12T20:00:00Z', unreadCount: 1, lastMessagePreview: 'Rosie is limping' }), { message: aMessage({ conversationId: 2 }) });
    publish(CONVERSATIONS_TOPIC, 'created', aConversation({ id: 3, title: 'Grace Wilson', lastMessageAt: '2026-03-12T20:05:00Z', unreadCount: 1 }), { message: aMessage({ conversationId: 3 }) });
    await waitFor(() => expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual([
      expect.stringContaining('Grace Wilson'), expect.stringContaining('Bob Smith'), expect.stringContaining('Jane Doe'),
    ]));
    expect(within(rowOf('Bob Smith')).getByText('“Rosie is limping”')).toBeInTheDocument();
  });

  it('should drop a conversation archived elsewhere from the open list', async () => {
    const { publish } = renderList([aConversation({ id: 1, title: 'Jane Doe' }), aConversation({ id: 2, title: 'Bob Smith' })]);
    await screen.findByRole('link', { name: /Bob Smith/ });
    publish(CONVERSATIONS_TOPIC, 'updated', aConversation({ id: 2, title: 'Bob Smith', status: 'archived' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: /Bob Smith/ })).not.toBeInTheDocument());
  });

  it('should say what failed and offer to try again', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs data provider errors in development
    let reachable = false;
    const getList = jest.fn(async () => {
      if (!reachable) throw Object.assign(new Error('IVM could not be reached. Check the network connection, then try again.'), { status: 0 });
      return { data: [aConversation({ id: 1, title: 'Jane Doe' })], total: 1 };
    });
    const kit = liveTestDataProvider({ getList });
    renderInAdmin(<ListHarness />, { dataProvider: kit.dataProvider });
    // The list asks once more before giving up (a network blip heals by itself).
    expect(await screen.findByText(/The conversations could not be loaded: IVM could not be reached/, {}, { timeout: 15000 })).toBeInTheDocument();
    reachable = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /Jane Doe/ })).toBeInTheDocument();
    jest.mocked(console.error).mockRestore();
  }, 20000);

  it('should move between conversations with the arrow keys', async () => {
    renderList([aConversation({ id: 1, title: 'Jane Doe' }), aConversation({ id: 2, title: 'Bob Smith', lastMessageAt: '2026-03-12T18:00:00Z' })]);
    const jane = await screen.findByRole('link', { name: /Jane Doe/ });
    act(() => jane.focus());
    fireEvent.keyDown(jane, { key: 'ArrowDown' });
    expect(rowOf('Bob Smith')).toHaveFocus();
  });
});
