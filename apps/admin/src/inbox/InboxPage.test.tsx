import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, Notification, reactRouterProvider, TestMemoryRouter } from 'react-admin';
import { liveTestDataProvider, testAuthProvider } from '../../test/admin-test-kit';
import { aConversation, aMessage, aQueue } from '../../test/fixtures';
import { CONVERSATIONS_TOPIC } from '../providers/realtime-topics';
import { InboxPage } from './InboxPage';

const { Routes, Route } = reactRouterProvider;

const jane = aConversation({ id: 1, title: 'Jane Doe', unreadCount: 0 });
const bob = aConversation({ id: 2, title: 'Bob Smith', lastMessageAt: '2026-03-12T18:00:00Z', patients: [{ id: 'P7', name: 'Rosie', species: 'bovine' }] });

function renderInbox(path = '/inbox?queue=SAC') {
  const kit = liveTestDataProvider({
    getList: jest.fn(async (resource: string) => (resource === 'queues'
      ? { data: [aQueue()], total: 1 }
      : { data: [jane, bob], total: 2 })),
    getOne: jest.fn(async (resource: string, { id }: { id: number }) => (resource === 'contacts'
      ? { data: { id, canBlock: false, blocked: null } }
      : { data: [jane, bob].find((c) => c.id === Number(id)) })),
    getManyReference: jest.fn(async (_resource: string, { id }: { id: number }) => ({
      data: [aMessage({ id: id * 10, conversationId: Number(id), body: Number(id) === 1 ? 'Is Bella ready for pickup?' : 'Rosie is limping' })],
      total: 1,
    })),
    archive: jest.fn(async (id: number) => ({ data: { ...[jane, bob].find((c) => c.id === id), status: 'archived' } })),
  });
  render(
    <TestMemoryRouter initialEntries={[path]}>
      <AdminContext dataProvider={kit.dataProvider} authProvider={testAuthProvider()}>
        <Routes>
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/inbox/:conversationId" element={<InboxPage />} />
        </Routes>
        <Notification />
      </AdminContext>
    </TestMemoryRouter>,
  );
  return kit;
}

describe(InboxPage.name, () => {
  it('should open a conversation from the list beside it', async () => {
    renderInbox();
    await userEvent.click(await screen.findByRole('link', { name: /Bob Smith/ }));
    expect(await screen.findByRole('region', { name: 'Texts in this conversation' })).toHaveTextContent('Rosie is limping');
    expect(screen.getByRole('link', { name: /Bob Smith/ })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: /Jane Doe/ })).toBeInTheDocument();
  });

  it('should announce a new text for screen readers', async () => {
    const { publish } = renderInbox('/inbox/1?queue=SAC');
    await screen.findByText('Is Bella ready for pickup?');
    publish(CONVERSATIONS_TOPIC, 'created', { ...bob, lastMessageAt: '2026-03-12T21:00:00Z', unreadCount: 1 }, { message: aMessage({ conversationId: 2, body: 'Help' }) });
    const status = screen.getAllByRole('status').find((node) => node.getAttribute('aria-live') === 'polite' && node.textContent);
    expect(status).toHaveTextContent('New text from Bob Smith in SAC');
  });

  it('should close the thread after Archive Conversation', async () => {
    const { dataProvider } = renderInbox('/inbox/1?queue=SAC');
    expect(await screen.findByRole('region', { name: 'Conversation with Jane Doe' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Archive Conversation' }));
    await waitFor(() => expect(dataProvider.archive).toHaveBeenCalledWith(1));
    expect(await screen.findByText('Choose a conversation on the left to read and reply.')).toBeInTheDocument();
    expect(await screen.findByText(/Conversation archived/)).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Conversations' })).queryByText('Jane Doe')).not.toBeInTheDocument());
  });
});
