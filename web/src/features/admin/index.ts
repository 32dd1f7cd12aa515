/** Admin feature: users (disable, enable), invites, registration and import settings, the embedding model, and the audit log. */
export { AdminPage, type AdminPageProps } from './components/AdminPage';
export { EmbeddingModelPanel } from './components/EmbeddingModelPanel';
