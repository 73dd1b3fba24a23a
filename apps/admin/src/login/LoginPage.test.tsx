import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { liveTestDataProvider, renderInAdmin, testAuthProvider } from '../../test/admin-test-kit';
import { LoginPage } from './LoginPage';

function renderLogin(login: jest.Mock) {
  const { dataProvider } = liveTestDataProvider();
  renderInAdmin(<LoginPage />, { dataProvider, authProvider: { ...testAuthProvider(), login, checkAuth: async () => { throw { message: false }; } } });
}

describe(LoginPage.name, () => {
  it('should put the cursor in the username and sign in on Enter', async () => {
    const login = jest.fn(async () => undefined);
    renderLogin(login);
    expect(screen.getByRole('textbox', { name: /SANDI username/ })).toHaveFocus();
    await userEvent.keyboard('sac.staff');
    await userEvent.type(screen.getByLabelText(/Password/), 'demo{Enter}');
    await waitFor(() => expect(login).toHaveBeenCalledWith({ username: 'sac.staff', password: 'demo' }));
  });

  it('should say in words why the login was refused', async () => {
    const login = jest.fn(async () => { throw new Error('Your SANDI account has no IVM permission. Ask your supervisor.'); });
    renderLogin(login);
    await userEvent.type(screen.getByRole('textbox', { name: /SANDI username/ }), 'no.access');
    await userEvent.type(screen.getByLabelText(/Password/), 'demo{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your SANDI account has no IVM permission. Ask your supervisor.');
  });

  it('should ask for both fields before calling SANDI', async () => {
    const login = jest.fn();
    renderLogin(login);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your SANDI username and password.');
    expect(login).not.toHaveBeenCalled();
  });

  it('should say when IVM runs in training mode', async () => {
    renderLogin(jest.fn());
    expect(await screen.findByText('Training mode — no real texts are sent')).toBeInTheDocument();
  });
});
