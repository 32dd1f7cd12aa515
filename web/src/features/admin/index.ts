/** Admin feature: users (disable, enable), invites, registration and import settings, and the audit log. */
export { AdminPage, type AdminPageProps } from './components/AdminPage';
