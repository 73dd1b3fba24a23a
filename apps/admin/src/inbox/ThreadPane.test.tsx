import { screen, waitFor, within } from '@testing-library/react';
import { liveTestDataProvider, renderInAdmin } from '../../test/admin-test-kit';
import { aConversation, aMessage, aQueue } from '../../test/fixtures';
import type { Conversation, Message } from '../providers/api-types';
import { conversationTopic, messagesTopic } from '../providers/realtime-topics';
import { ThreadPane } from './ThreadPane';

const conversation = aConversation({ id: 1, title: 'Jane Doe' });

const thread: Message[] = [
  aMessage({ id: 1, direction: 'inbound', kind: 'client', body: 'Hi', createdAt: '2026-03-11T15:02:00Z' }),
  aMessage({ id: 2, direction: 'outbound', kind: 'opt_in_prompt', automatic: true, body: 'Reply YES to receive texts from the VTH.', status: 'delivered', createdAt: '2026-03-11T15:02:05Z' }),
  aMessage({ id: 3, direction: 'inbound', kind: 'client', body: 'Is Bella ready for pickup?', createdAt: '2026-03-12T19:14:00Z' }),
  aMessage({ id: 4, direction: 'outbound', kind: 'staff', body: 'Yes, after 3 pm.', status: 'delivered', sender: { username: 'tina', displayName: 'Tina O.' }, createdAt: '2026-03-12T19:15:00Z' }),
  aMessage({ id: 5, direction: 'outbound', kind: 'staff', body: 'Bring her leash.', status: 'undelivered', errorCode: '30003', errorMessage: 'the phone is switched off or out of coverage', sender: { username: 'tina', displayName: 'Tina O.' }, createdAt: '2026-03-12T19:16:00Z' }),
  aMessage({ id: 6, direction: 'internal', kind: 'note', body: 'Owner prefers calls after 5.', status: 'note', sender: { username: 'tina', displayName: 'Tina O.' }, createdAt: '2026-03-12T19:17:00Z' }),
  aMessage({ id: 7, direction: 'inbound', kind: 'client', body: '<img src=x onerror=alert(1)>', createdAt: '2026-03-12T19:18:00Z' }),
];

function renderThread({ current = conversation, messages = thread, overrides = {} }: { current?: Conversation; messages?: Message[]; overrides?: Record<string, unknown> } = {}) {
  const markRead = jest.fn(async () => ({ data: { ...current, unreadCount: 0 } }));
  const kit = liveTestDataProvider({
    getOne: jest.fn(async (resource: string) => {
      if (resource === 'contacts') return { data: { id: current.contact.id, canBlock: false, blocked: null } };
      return { data: current };
    }),
    getManyReference: jest.fn(async () => ({ data: [...messages].reverse(), total: messages.length })),
    markRead,
    ...overrides,
  });
  const onChanged = jest.fn();
  renderInAdmin(<ThreadPane conversationId={current.id} queues={[aQueue()]} onConversationChanged={onChanged} onClose={jest.fn()} />, { dataProvider: kit.dataProvider });
  return { ...kit, markRead, onChanged };
}

const bubble = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

describe(ThreadPane.name, () => {
  it('should put client texts on the left and IVM\'s on the right, with who wrote them', async () => {
    renderThread();
    await screen.findByText('Is Bella ready for pickup?');
    expect(bubble('Is Bella ready for pickup?')).toHaveAttribute('data-side', 'client');
    expect(within(bubble('Is Bella ready for pickup?')).getByText('Jane Doe')).toBeInTheDocument();
    expect(bubble('Yes, after 3 pm.')).toHaveAttribute('data-side', 'ivm');
    expect(within(bubble('Yes, after 3 pm.')).getByText('Tina O.')).toBeInTheDocument();
  });

  it('should label automatic texts IVM and notes as internal', async () => {
    renderThread();
    await screen.findByText('Reply YES to receive texts from the VTH.');
    expect(within(bubble('Reply YES to receive texts from the VTH.')).getByText('IVM · opt-in prompt')).toBeInTheDocument();
    expect(within(bubble('Owner prefers calls after 5.')).getByText('Note — only staff see this · Tina O.')).toBeInTheDocument();
  });

  it('should show the delivery status, and why a text was not delivered with a Resend button', async () => {
    renderThread();
    await screen.findByText('Yes, after 3 pm.');
    expect(within(bubble('Yes, after 3 pm.')).getByText('delivered')).toBeInTheDocument();
    const failed = bubble('Bring her leash.');
    expect(within(failed).getByText('not delivered: the phone is switched off or out of coverage')).toBeInTheDocument();
    expect(within(failed).getByRole('button', { name: 'Resend' })).toBeInTheDocument();
    expect(within(failed).getByLabelText('Provider code 30003')).toBeInTheDocument();
  });

  it('should show a date divider when the day changes', async () => {
    renderThread();
    await screen.findByText('Hi');
    expect(screen.getByText('Wednesday, March 11, 2026')).toBeInTheDocument();
    expect(screen.getByText('Thursday, March 12, 2026')).toBeInTheDocument();
  });

  it('should render a text as text, never as markup', async () => {
    renderThread();
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('should mark the conversation read when it has unread texts', async () => {
    const { markRead, onChanged } = renderThread({ current: aConversation({ id: 1, unreadCount: 2 }) });
    await waitFor(() => expect(markRead).toHaveBeenCalledWith(1));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ id: 1, unreadCount: 0 })));
  });

  it('should not mark a conversation without unread texts', async () => {
    const { markRead } = renderThread();
    await screen.findByText('Hi');
    expect(markRead).not.toHaveBeenCalled();
  });

  it('should show texts that arrive live and follow their delivery status', async () => {
    const { publish } = renderThread();
    await screen.findByText('Hi');
    publish(messagesTopic(1), 'created', aMessage({ id: 20, conversationId: 1, body: 'On my way!', createdAt: '2026-03-12T19:30:00Z' }));
    expect(await screen.findByText('On my way!')).toBeInTheDocument();
    publish(messagesTopic(1), 'created', aMessage({ id: 21, conversationId: 1, direction: 'outbound', kind: 'staff', body: 'See you soon', status: 'queued', sender: { username: 'kim', displayName: 'Kim Lee' }, createdAt: '2026-03-12T19:31:00Z' }));
    expect(within(await screen.findByText('See you soon').then((node) => node.closest('li') as HTMLElement)).getByText('queued')).toBeInTheDocument();
    publish(messagesTopic(1), 'updated', aMessage({ id: 21, conversationId: 1, direction: 'outbound', kind: 'staff', body: 'See you soon', status: 'delivered', sender: { username: 'kim', displayName: 'Kim Lee' }, createdAt: '2026-03-12T19:31:00Z' }));
    await waitFor(() => expect(within(bubble('See you soon')).getByText('delivered')).toBeInTheDocument());
  });

  it('should say who else is viewing and typing', async () => {
    const { publish, dataProvider } = renderThread();
    await screen.findByText('Hi');
    expect(dataProvider.viewing).toHaveBeenCalledWith(1);
    publish(conversationTopic(1), 'presence', { viewers: [{ username: 'kim', displayName: 'Kim Lee' }, { username: 'sac.staff', displayName: 'Sam Carter' }] });
    publish(conversationTopic(1), 'typing', { user: { username: 'kim', displayName: 'Kim Lee' } });
    expect(await screen.findByText('Kim is viewing · Kim is typing…')).toBeInTheDocument();
  });

  it('should say so when the conversation is no longer in the user\'s queues', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderThread({ overrides: { getOne: jest.fn(async () => { throw Object.assign(new Error('Not found'), { status: 404 }); }) } });
    expect(await screen.findByText(/This conversation is no longer in your queues/)).toBeInTheDocument();
    jest.mocked(console.error).mockRestore();
  });
});
