import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { auditEvent, embeddingModel, settings, user } from '../testing/fixtures';
import { AdminPage } from './AdminPage';

const ME = user({ id: 'u-ada', username: 'ada', name: 'Ada Admin', role: 'admin' });
const BO = user();

function routes(extra: Record<string, () => Response> = {}) {
  return mockApi({
    'GET /api/admin/users': () => jsonResponse([ME, BO]),
    'GET /api/admin/settings': () => jsonResponse(settings),
    'GET /api/admin/embedding-model': () => jsonResponse(embeddingModel()),
    'GET /api/admin/audit?limit=100': () =>
      jsonResponse([
        auditEvent({ action: 'invite-created', actorName: 'ada', subject: 'learner', detail: { role: 'learner' } }),
        auditEvent({ action: 'sign-in-failed', actorName: null, actorId: null, detail: { reason: 'wrong-password' } }),
      ]),
    ...extra,
  });
}

function row(username: string): HTMLElement {
  const found = screen.getAllByTestId('user-row').find((element) => within(element).getByRole('rowheader').textContent?.startsWith(username));
  if (!found) throw new Error(`no row for ${username}`);
  return found;
}

describe('AdminPage: users', () => {
  it('lists users with e-mail, role and status; the admin cannot disable themselves', async () => {
    routes();
    render(<AdminPage currentLearnerId="u-ada" />);

    await screen.findByTestId('users-table');
    expect(row('bo').textContent).toContain('bo@example.org');
    expect(within(row('bo')).getByTestId('user-status').textContent).toBe('Active');
    expect(within(row('ada')).queryByRole('button', { name: 'Disable' })).toBeNull();
    expect(row('ada').textContent).toContain('You');
  });

  it('disables a user after the confirmation, then can enable them again', async () => {
    const api = routes({
      'POST /api/admin/users/u-bo/disable': () => new Response(null, { status: 204 }),
      'POST /api/admin/users/u-bo/enable': () => new Response(null, { status: 204 }),
    });
    render(<AdminPage currentLearnerId="u-ada" />);
    await screen.findByTestId('users-table');

    fireEvent.click(within(row('bo')).getByRole('button', { name: 'Disable' }));
    expect(within(row('bo')).getByRole('group').textContent).toContain('sessions and API tokens stop working');
    expect(api.changes()).toEqual([]);
    fireEvent.click(within(row('bo')).getByRole('button', { name: 'Disable bo' }));

    await waitFor(() => expect(within(row('bo')).getByTestId('user-status').textContent).toBe('Disabled'));
    fireEvent.click(within(row('bo')).getByRole('button', { name: 'Enable' }));
    fireEvent.click(within(row('bo')).getByRole('button', { name: 'Enable bo' }));
    await waitFor(() => expect(within(row('bo')).getByTestId('user-status').textContent).toBe('Active'));

    expect(api.changes().map((request) => request.url)).toEqual(['/api/admin/users/u-bo/disable', '/api/admin/users/u-bo/enable']);
  });

  it('shows why the users could not be loaded, and loads them again on request', async () => {
    let answer = problemResponse(403, 'Forbidden', 'Admins only.');
    mockApi({
      'GET /api/admin/users': () => answer,
      'GET /api/admin/settings': () => jsonResponse(settings),
      'GET /api/admin/audit?limit=100': () => jsonResponse([]),
    });
    render(<AdminPage currentLearnerId="u-ada" />);

    expect((await screen.findByText('Admins only.')).closest('[role=alert]')).toBeTruthy();
    answer = jsonResponse([BO]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Try again' })[0]);

    await screen.findByTestId('users-table');
  });
});

describe('AdminPage: invites', () => {
  it('creates an invite for a role and shows the full link to copy', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = routes({
      'POST /api/admin/invites': () => jsonResponse({ code: 'inv-9', path: '/register?invite=inv-9', expiresAt: '2026-05-08T10:00:00Z' }, 201),
    });
    render(<AdminPage currentLearnerId="u-ada" />);
    const form = await screen.findByTestId('invite-form');

    fireEvent.change(within(form).getByLabelText('E-mail (optional)'), { target: { value: 'cy@example.org' } });
    fireEvent.click(within(form).getByLabelText(/Admin/));
    fireEvent.click(within(form).getByRole('button', { name: 'Create invite link' }));

    const link = (await screen.findByTestId('invite-link')) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/register?invite=inv-9`);
    expect(api.changes()[0].body).toEqual({ email: 'cy@example.org', role: 'admin' });
    fireEvent.click(screen.getByTestId('invite-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(link.value));
  });

  it('sends no e-mail when none is given and shows a refusal', async () => {
    const api = routes({ 'POST /api/admin/invites': () => problemResponse(403, 'Forbidden', 'Admins only.') });
    render(<AdminPage currentLearnerId="u-ada" />);
    const form = await screen.findByTestId('invite-form');

    fireEvent.click(within(form).getByRole('button', { name: 'Create invite link' }));

    expect((await within(form).findByRole('alert')).textContent).toBe('Admins only.');
    expect(api.changes()[0].body).toEqual({ role: 'learner' });
    expect(screen.queryByTestId('invite-link')).toBeNull();
  });
});

describe('AdminPage: settings and audit log', () => {
  it('saves open registration and admin-only imports', async () => {
    const api = routes({ 'PUT /api/admin/settings': () => jsonResponse({ registration: 'open', imports: 'admins' }) });
    render(<AdminPage currentLearnerId="u-ada" />);
    const form = await screen.findByTestId('settings-form');
    const save = within(form).getByRole('button', { name: 'Save settings' });
    expect(save.hasAttribute('disabled')).toBe(true);
    expect((within(form).getByLabelText(/By invite only/) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(form).getByLabelText(/^Open/));
    fireEvent.click(within(form).getByLabelText(/Admins only/));
    fireEvent.click(save);

    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('Saved.'));
    expect(api.changes()[0].body).toEqual({ registration: 'open', imports: 'admins' });
    expect((within(form).getByLabelText(/^Open/) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the latest audit events', async () => {
    routes();
    render(<AdminPage currentLearnerId="u-ada" />);

    const rows = await screen.findAllByTestId('audit-row');
    expect(rows.map((element) => within(element).getByRole('code').textContent)).toEqual(['invite-created', 'sign-in-failed']);
    expect(rows[0].textContent).toContain('ada');
    expect(rows[0].textContent).toContain('role: learner');
    expect(rows[1].textContent).toContain('127.0.0.1');
    expect(rows[1].textContent).toContain('reason: wrong-password');
  });
});
