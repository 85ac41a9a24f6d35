/** The signed-in person, their organisations and role, and what the role lets them do. */
import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import type { SessionInfo } from '../../../src/modules/accounts/model';
import { api } from '../api';

export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: () => api<SessionInfo>('/session'), staleTime: 60_000 });
}

export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}

/** What the role lets someone do, for showing or hiding controls (the server decides anyway). */
export function can(session: SessionInfo | undefined) {
  const role = session?.role ?? null;
  return {
    read: role !== null,
    edit: role === 'admin' || role === 'editor',
    review: role === 'admin' || role === 'reviewer',
    workflow: role === 'admin' || role === 'editor' || role === 'reviewer',
    manage: role === 'admin',
    progress: role === 'admin' || role === 'editor' || role === 'contributor',
  };
}

/**
 * Whether the person may record progress on an action: editors and administrators on any, a
 * contributor on actions linked to a unit they answer for (as the server decides).
 */
export function mayRecordOn(session: SessionInfo | undefined, action: { units: { id: string }[] }): boolean {
  const role = session?.role;
  if (role === 'admin' || role === 'editor') return true;
  if (role !== 'contributor') return false;
  return action.units.some((u) => session?.unitIds.includes(u.id));
}

/** Pages for members only: visitors go to sign in, a fresh installation to its first administrator. */
export function MembersOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const [path] = useLocation();
  const search = useSearch();
  if (session.isPending) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  if (session.data?.setupNeeded) return <Redirect to="/setup" replace />;
  if (!session.data?.user) {
    return (
      <Redirect to={`/sign-in?next=${encodeURIComponent(path + (search ? `?${search}` : ''))}`} replace />
    );
  }
  if (!session.data.role) return <Redirect to="/practices" replace />;
  return children;
}
