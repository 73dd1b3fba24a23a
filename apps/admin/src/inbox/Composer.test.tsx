import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { liveTestDataProvider, renderInAdmin } from '../../test/admin-test-kit';
import { aConversation, aMessage } from '../../test/fixtures';
import type { Conversation } from '../providers/api-types';
import { Composer } from './Composer';

function renderComposer(conversation: Conversation = aConversation({ id: 1 }), overrides: Record<string, unknown> = {}) {
  sessionStorage.clear();
  const reply = jest.fn(async (_id: number, body: string) => ({ data: aMessage({ id: 50, direction: 'outbound', kind: 'staff', body, status: 'queued' }) }));
  const addNote = jest.fn(async (_id: number, body: string) => ({ data: aMessage({ id: 51, direction: 'internal', kind: 'note', body, status: 'note' }) }));
  const kit = liveTestDataProvider({ reply, addNote, ...overrides });
  const onSent = jest.fn();
  renderInAdmin(<Composer conversation={conversation} onSent={onSent} />, { dataProvider: kit.dataProvider });
  return { ...kit, reply, addNote, onSent, box: () => screen.getByRole('textbox', { name: 'Reply to client' }) };
}

const counter = () => screen.getByTestId('segment-counter');

describe(Composer.name, () => {
  it('should count 160 GSM-7 characters as one segment and 161 as two', () => {
    const { box } = renderComposer();
    fireEvent.change(box(), { target: { value: 'a'.repeat(160) } });
    expect(counter()).toHaveTextContent('160/160 · 1 segment');
    fireEvent.change(box(), { target: { value: 'a'.repeat(161) } });
    expect(counter()).toHaveTextContent('161/306 · 2 segments');
  });

  it('should switch to 70-character segments when an emoji is typed', () => {
    const { box } = renderComposer();
    fireEvent.change(box(), { target: { value: 'Biscuit is ready 🐶' } });
    expect(counter()).toHaveTextContent('19/70 · 1 segment · Unicode');
  });

  it('should send on Enter and add a line on Shift+Enter', async () => {
    const { box, reply, onSent } = renderComposer();
    await userEvent.type(box(), 'Yes, after 3 pm.');
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}Bring the leash.');
    expect(reply).not.toHaveBeenCalled();
    expect(box()).toHaveValue('Yes, after 3 pm.\nBring the leash.');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(reply).toHaveBeenCalledWith(1, 'Yes, after 3 pm.\nBring the leash.'));
    await waitFor(() => expect(box()).toHaveValue(''));
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ id: 50 }));
  });

  it('should be disabled and say why when the client cannot be texted', () => {
    const reason = 'Jane Doe opted out by texting STOP on 3/12/2026. They must text START to receive texts again.';
    const { box } = renderComposer(aConversation({ id: 1, canReply: false, replyBlockedCode: 'opted_out', replyBlockedReason: reason }));
    expect(box()).toBeDisabled();
    expect(screen.getByText(reason)).toBeInTheDocument();
    expect(box()).toHaveAccessibleDescription(reason);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('should show a refusal from the API in place and keep the words typed', async () => {
    const { box } = renderComposer(aConversation({ id: 1 }), {
      reply: jest.fn(async () => { throw Object.assign(new Error('Jane Doe texted STOP to 1-844-407-3300: they must text START to that number.'), { status: 409 }); }),
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await userEvent.type(box(), 'Hello{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Jane Doe texted STOP to 1-844-407-3300: they must text START to that number.');
    expect(box()).toHaveValue('Hello');
    jest.mocked(console.error).mockRestore();
  });

  it('should add an internal note in note mode, even when the client cannot be texted', async () => {
    const { addNote, reply } = renderComposer(aConversation({ id: 1, canReply: false, replyBlockedReason: 'Not opted in yet.' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const note = screen.getByRole('textbox', { name: 'Internal note (only staff see it)' });
    expect(note).toBeEnabled();
    await userEvent.type(note, 'Called the owner{Enter}');
    await waitFor(() => expect(addNote).toHaveBeenCalledWith(1, 'Called the owner'));
    expect(reply).not.toHaveBeenCalled();
  });

  it('should tell the others that someone is typing, at most every two seconds', async () => {
    const { box, dataProvider } = renderComposer();
    await userEvent.type(box(), 'Hello there');
    expect(dataProvider.typing).toHaveBeenCalledTimes(1);
    expect(dataProvider.typing).toHaveBeenCalledWith(1);
  });
});
