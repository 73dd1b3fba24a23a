import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { liveTestDataProvider, renderInAdmin } from '../../test/admin-test-kit';
import { SimulatorPage } from './SimulatorPage';

const welcome = { providerMessageId: 'SM2', from: '+18444102300', to: '+12175550101', body: 'Welcome to Illinois Vet Messenger', mediaUrls: [], status: 'delivered', sentAt: '2030-01-01T15:00:05Z' };
const otherPair = { providerMessageId: 'SM3', from: '+18444073300', to: '+12175550103', body: 'For María', mediaUrls: [], status: 'delivered', sentAt: '2030-01-01T15:00:06Z' };

function renderSimulator(provider = 'simulator') {
  sessionStorage.clear();
  const simulateInbound = jest.fn(async () => ({ data: { providerMessageId: 'SM1', webhookStatus: 200 } }));
  const simulatorOutbound = jest.fn(async () => ({ data: [welcome, otherPair] }));
  const kit = liveTestDataProvider({ simulateInbound, simulatorOutbound, health: async () => ({ data: { status: 'ok', provider } }) });
  renderInAdmin(<SimulatorPage />, { dataProvider: kit.dataProvider });
  return { simulateInbound, simulatorOutbound };
}

describe(SimulatorPage.name, () => {
  it('should text the chosen hospital number as the client and show both sides on the phone', async () => {
    const { simulateInbound } = renderSimulator();
    expect(await screen.findByText('Training mode — no real texts are sent')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'LAC · 1-844-410-2300' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Text as the client' }), 'YES{Enter}');
    await waitFor(() => expect(simulateInbound).toHaveBeenCalledWith({ from: '+12175550101', to: '+18444102300', body: 'YES' }));
    const phone = screen.getByRole('region', { name: "The client's phone" });
    expect(await within(phone).findByText('YES')).toBeInTheDocument();
    expect(within(phone).getByText('Welcome to Illinois Vet Messenger')).toBeInTheDocument();
    expect(within(phone).queryByText('For María')).not.toBeInTheDocument();
  });

  it('should take any number typed', async () => {
    const { simulateInbound } = renderSimulator();
    const phone = await screen.findByRole('combobox', { name: 'Client phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '217-555-0199');
    await userEvent.type(screen.getByRole('textbox', { name: 'Text as the client' }), 'Hi{Enter}');
    await waitFor(() => expect(simulateInbound).toHaveBeenCalledWith({ from: '+12175550199', to: '+18444073300', body: 'Hi' }));
  });

  it('should not offer the simulator when IVM sends real texts', async () => {
    const { simulatorOutbound } = renderSimulator('twilio');
    expect(await screen.findByText(/only available in training mode/)).toBeInTheDocument();
    expect(simulatorOutbound).not.toHaveBeenCalled();
  });
});
