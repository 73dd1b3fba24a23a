import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { liveTestDataProvider, renderInAdmin, testAuthProvider } from '../../test/admin-test-kit';
import { aConversation, aQueue } from '../../test/fixtures';
import type { Conversation, Role } from '../providers/api-types';
import { ThreadHeader } from './ThreadHeader';

interface HeaderCase {
  conversation?: Conversation;
  canBlock?: boolean;
  role?: Role;
  overrides?: Record<string, unknown>;
}

function renderHeader({ conversation = aConversation({ id: 1, contact: { ...aConversation().contact, id: 8 } }), canBlock = false, role = 'staff', overrides = {} }: HeaderCase = {}) {
  const kit = liveTestDataProvider({
    getOne: jest.fn(async () => ({ data: { id: 8, canBlock, blocked: null } })),
    archive: jest.fn(async () => ({ data: { ...conversation, status: 'archived' } })),
    block: jest.fn(async () => ({ data: { id: 8, canBlock, blocked: { at: 'now', by: 'sac.supervisor', reason: 'x' } } })),
    transcript: jest.fn(async (_id: number, format: string) => ({ data: format === 'html' ? '<p>Jane Doe</p>' : 'Jane Doe' })),
    ...overrides,
  });
  const onArchived = jest.fn();
  renderInAdmin(
    <ThreadHeader conversation={conversation} queues={[aQueue(), aQueue({ id: 'LAC', code: 'LAC', name: 'Large Animal Clinic', phoneNumber: '+18444102300' })]} onChanged={jest.fn()} onArchived={onArchived} onMoved={jest.fn()} onBlockChanged={jest.fn()} />,
    { dataProvider: kit.dataProvider, authProvider: testAuthProvider(role) },
  );
  return { ...kit, onArchived };
}

/** jsdom's Blob has no text(); FileReader reads it. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe(ThreadHeader.name, () => {
  it('should show the client, the phone, the patients, the SANDI number and the consent', () => {
    renderHeader();
    expect(screen.getByRole('heading', { name: /Jane Doe · \(217\) 555-0101/ })).toBeInTheDocument();
    expect(screen.getByText('Bella (canine), Whiskers (feline)')).toBeInTheDocument();
    expect(screen.getByText('SANDI #C10001 · opted in 03/11/2026')).toBeInTheDocument();
  });

  it('should offer to link a SANDI client when the phone is shared, and not when there is one match', () => {
    const shared: Conversation = aConversation({ id: 2, title: 'Jane Doe or John Doe', linkedClientId: null, clients: [
      { id: 'C10001', displayName: 'Jane Doe', patients: [] }, { id: 'C10002', displayName: 'John Doe', patients: [] },
    ] });
    renderHeader({ conversation: shared });
    expect(screen.getByRole('button', { name: 'Link to SANDI client' })).toBeInTheDocument();
    expect(screen.getByText(/2 SANDI clients share this phone/)).toBeInTheDocument();
  });

  it('should not offer Block Client to staff (the API says they may not)', async () => {
    const { dataProvider } = renderHeader({ canBlock: false });
    await waitFor(() => expect(dataProvider.getOne).toHaveBeenCalledWith('contacts', expect.objectContaining({ id: 8 })));
    expect(screen.getByRole('button', { name: 'Archive Conversation' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Block Client' })).not.toBeInTheDocument();
  });

  it('should offer Block Client to a supervisor, asking for the reason with the seed\'s warning', async () => {
    const { dataProvider } = renderHeader({ canBlock: true, role: 'supervisor' });
    await userEvent.click(await screen.findByRole('button', { name: 'Block Client' }));
    const dialog = screen.getByRole('dialog', { name: 'Block Client' });
    expect(within(dialog).getByText('See your supervisor or manager before using this feature.')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Reason for blocking/ }), 'Abusive texts to staff');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Block Client' }));
    await waitFor(() => expect(dataProvider.block).toHaveBeenCalledWith(8, 'Abusive texts to staff'));
  });

  it('should close the Block Client dialog with Esc', async () => {
    renderHeader({ canBlock: true, role: 'supervisor' });
    await userEvent.click(await screen.findByRole('button', { name: 'Block Client' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('should archive the conversation', async () => {
    const { dataProvider, onArchived } = renderHeader();
    await userEvent.click(screen.getByRole('button', { name: 'Archive Conversation' }));
    await waitFor(() => expect(dataProvider.archive).toHaveBeenCalledWith(1));
    expect(onArchived).toHaveBeenCalledWith(expect.objectContaining({ status: 'archived' }), 'archived');
  });

  it('should offer Unarchive for an archived conversation', () => {
    renderHeader({ conversation: aConversation({ id: 3, status: 'archived' }) });
    expect(screen.getByRole('button', { name: 'Unarchive' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive Conversation' })).not.toBeInTheDocument();
  });

  it('should copy both the text and the HTML transcript for the SANDI Comm Log, then say so', async () => {
    const write = jest.fn(async () => undefined);
    const items: Array<Record<string, Blob>> = [];
    Object.defineProperty(navigator, 'clipboard', { value: { write, writeText: jest.fn() }, configurable: true });
    (globalThis as { ClipboardItem?: unknown }).ClipboardItem = class {
      constructor(readonly data: Record<string, Blob>) {
        items.push(data);
      }
    };
    const { dataProvider } = renderHeader();
    await userEvent.click(screen.getByRole('button', { name: 'Copy conversation for the SANDI Comm Log' }));
    expect(await screen.findByText('Copied — paste it into the SANDI Comm Log')).toBeInTheDocument();
    expect(dataProvider.transcript).toHaveBeenCalledWith(1, 'text');
    expect(dataProvider.transcript).toHaveBeenCalledWith(1, 'html');
    expect(write).toHaveBeenCalledTimes(1);
    expect(Object.keys(items[0]).sort()).toEqual(['text/html', 'text/plain']);
    expect(items[0]['text/html'].type).toBe('text/html');
    await expect(readBlob(items[0]['text/html'])).resolves.toBe('<p>Jane Doe</p>');
    await expect(readBlob(items[0]['text/plain'])).resolves.toBe('Jane Doe');
    delete (globalThis as { ClipboardItem?: unknown }).ClipboardItem;
  });

  it('should fall back to plain text where the browser has no ClipboardItem', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderHeader();
    await userEvent.click(screen.getByRole('button', { name: 'Copy conversation for the SANDI Comm Log' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Jane Doe'));
    expect(await screen.findByText('Copied — paste it into the SANDI Comm Log')).toBeInTheDocument();
  });
});
