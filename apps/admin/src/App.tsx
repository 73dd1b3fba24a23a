import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { InboxPage } from './inbox/InboxPage';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './login/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { SettingsPage } from './settings/SettingsPage';
import { SimulatorPage } from './simulator/SimulatorPage';
import { theme } from './theme';

const { Route } = reactRouterProvider;

/**
 * IVM's web app. The Inbox is everyone's landing page (`/`, `/inbox`, `/inbox/:id`); the phone
 * simulator exists in training mode; Settings is for supervisors and managers (the portal's
 * resources — Queues, Business hours, … — join here later as <Resource>s with list pages).
 */
export function App() {
  return (
    <Admin
      title="Illinois Vet Messenger"
      authProvider={authProvider}
      dataProvider={dataProvider}
      loginPage={LoginPage}
      layout={AppLayout}
      dashboard={InboxPage}
      theme={theme}
      darkTheme={null}
      requireAuth
      disableTelemetry
    >
      {/* Registered for react-admin's cache and realtime topics; their screens are custom routes. */}
      <Resource name="conversations" />
      <Resource name="messages" />
      <Resource name="queues" />
      <Resource name="contacts" />
      <CustomRoutes>
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/inbox/:conversationId" element={<InboxPage />} />
        <Route path="/simulator" element={<SimulatorPage />} />
        <Route path="/settings" element={<SettingsPage />} />
      </CustomRoutes>
    </Admin>
  );
}
