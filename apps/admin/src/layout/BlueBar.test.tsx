import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { liveTestDataProvider, renderInAdmin, testAuthProvider } from '../../test/admin-test-kit';
import { aQueue } from '../../test/fixtures';
import { CONNECTION_TOPIC, CONVERSATIONS_TOPIC } from '../providers/realtime-topics';
import type { Role } from '../providers/api-types';
import { BlueBar } from './BlueBar';
import { ConnectionBanner } from './ConnectionBanner';

const queues = [
  aQueue({ code: 'SAC', id: 'SAC', unreadConversations: 3 }),
  aQueue({ code: 'LAC', id: 'LAC', name: 'Large Animal Clinic', phoneNumber: '+18444102300', unreadConversations: 2 }),
];

function renderBar(role: Role = 'staff') {
  const getList = jest.fn(async () => ({ data: queues, total: queues.length }));
  const kit = liveTestDataProvider({ getList });
  renderInAdmin(<><BlueBar /><ConnectionBanner graceMs={0} /></>, { dataProvider: kit.dataProvider, authProvider: testAuthProvider(role) });
  return { ...kit, getList };
}

describe(BlueBar.name, () => {
  it('should name the current queue with its unread count and open the list of queues', async () => {
    renderBar();
    const button = await screen.findByRole('button', { name: 'SAC · Small Animal Clinic (3 unread)' });
    await userEvent.click(button);
    const menu = screen.getByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /LAC · Large Animal Clinic/ })).toHaveTextContent('2');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
  });

  it('should open the queues from the keyboard', async () => {
    renderBar();
    const button = await screen.findByRole('button', { name: /SAC · Small Animal Clinic/ });
    act(() => button.focus());
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: /LAC/ })).toHaveFocus();
  });

  it('should open the queues on a click anywhere in the blue bar', async () => {
    renderBar();
    await screen.findByRole('button', { name: /SAC · Small Animal Clinic/ });
    await userEvent.click(screen.getByText('Illinois Vet Messenger'));
    expect(await screen.findByRole('menu')).toBeInTheDocument();
  });

  it('should show the total unread in the browser tab', async () => {
    renderBar();
    await waitFor(() => expect(document.title).toBe('(5) IVM'));
  });

  it('should show Settings only to supervisors and managers', async () => {
    renderBar('staff');
    await screen.findByRole('button', { name: /SAC/ });
    expect(screen.queryByRole('button', { name: 'Settings' })).not.toBeInTheDocument();
  });

  it('should show Settings to a supervisor', async () => {
    renderBar('supervisor');
    expect(await screen.findByRole('button', { name: 'Settings' })).toBeInTheDocument();
  });

  it('should offer Sign out in the user menu', async () => {
    renderBar();
    await userEvent.click(await screen.findByRole('button', { name: 'Sam Carter: account menu' }));
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('should refresh the unread counts when conversations change live', async () => {
    const { getList, publish } = renderBar();
    await screen.findByRole('button', { name: /SAC/ });
    const calls = getList.mock.calls.length;
    publish(CONVERSATIONS_TOPIC, 'updated', { id: 1 });
    await waitFor(() => expect(getList.mock.calls.length).toBeGreaterThan(calls));
  });

  it('should show the yellow Reconnecting bar while the socket is down', async () => {
    const { publish } = renderBar();
    await screen.findByRole('button', { name: /SAC/ });
    publish(CONNECTION_TOPIC, 'state', { state: 'reconnecting' });
    expect(await screen.findByText(/Reconnecting…/)).toBeInTheDocument();
    publish(CONNECTION_TOPIC, 'state', { state: 'connected' });
    await waitFor(() => expect(screen.queryByText(/Reconnecting…/)).not.toBeInTheDocument());
  });
});
