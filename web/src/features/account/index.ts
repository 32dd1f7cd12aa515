/** Account feature: who is signed in (accounts or single-user mode), first-run setup, login, registration, the account menu and personal API tokens. */
export { AuthProvider, useAuth } from './hooks/auth';
export { RequireSignIn } from './components/RequireSignIn';
export { SetupPage } from './components/SetupPage';
export { LoginPage } from './components/LoginPage';
export { RegisterPage } from './components/RegisterPage';
export { AccountMenu } from './components/AccountMenu';
export { AccountPage } from './components/AccountPage';
export type { AuthState, Learner } from './api/types';
