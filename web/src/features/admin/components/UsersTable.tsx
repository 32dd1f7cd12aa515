import { Badge } from '../../../components/ui/Badge';
import { ConfirmAction } from '../../../components/ui/ConfirmAction';
import { ResourceView } from '../../../components/ui/ResourceView';
import { errorMessage } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { listUsers, setUserDisabled } from '../api/admin-api';
import type { User } from '../api/types';

/** Everyone with an account; an admin disables (ending their sessions and tokens) or enables anyone but themselves. */
export function UsersTable({ currentLearnerId }: { currentLearnerId: string | null }) {
  const { resource, reload, update } = useResource(listUsers);

  async function toggle(user: User) {
    await setUserDisabled(user.id, !user.disabled);
    update((users) => users.map((item) => (item.id === user.id ? { ...item, disabled: !user.disabled } : item)));
  }

  return (
    <section className="page-section" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <ResourceView resource={resource} onRetry={reload} loadingLabel="Loading users…" errorTitle="Could not load the users">
        {(users) => (
          <div className="table-wrap">
            <table className="data-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                    <th scope="row" className="data-table__name">
                      {user.username}
                      {user.name && user.name !== user.username && <span className="hint data-table__sub">{user.name}</span>}
                    </th>
                    <td>{user.email || '—'}</td>
                    <td>{user.role === 'admin' ? 'Admin' : 'Learner'}</td>
                    <td data-testid="user-status">
                      <Badge label={user.disabled ? 'Disabled' : 'Active'} tone={user.disabled ? 'user-disabled' : 'user-active'} />
                    </td>
                    <td className="data-table__nowrap">{formatDate(user.createdAt)}</td>
                    <td className="data-table__nowrap">{formatDateTime(user.lastSeenAt, 'never')}</td>
                    <td className="data-table__actions">
                      {user.id === currentLearnerId ? (
                        <span className="hint">You</span>
                      ) : (
                        <ConfirmAction
                          label={user.disabled ? 'Enable' : 'Disable'}
                          question={
                            user.disabled
                              ? `Enable ${user.username}? They can sign in again.`
                              : `Disable ${user.username}? Their sessions and API tokens stop working at once.`
                          }
                          confirmLabel={user.disabled ? `Enable ${user.username}` : `Disable ${user.username}`}
                          danger={!user.disabled}
                          onConfirm={() => toggle(user)}
                          describeError={errorMessage}
                          testId="user-toggle"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
    </section>
  );
}
