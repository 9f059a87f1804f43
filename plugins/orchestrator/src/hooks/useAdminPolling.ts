import { useEffect, useRef, useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import { orchestratorInstanceAdminViewPermission } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useBackoffPolling } from './useBackoffPolling';

/**
 * Modest on purpose: every open page of every instance admin asks this often, and a run's
 * own page (live by signals for its owner) is where seconds matter.
 */
export const ADMIN_POLL_MS = 15_000;

/**
 * Keeps a page that shows several users' runs current for an instance admin
 * (`orchestrator.instanceAdminView`, the permission that lets the backend list others' runs).
 * The backend ticks a workflow's channel only to the owners of its changed runs: any user may
 * subscribe to any signal channel, so a tick sent to more people would tell them when others'
 * runs changed. An admin therefore learns of other people's runs by polling, every
 * ADMIN_POLL_MS while the document is visible and once on coming back to it; the page's
 * signals still update it at once for the admin's own runs. No one else polls.
 */
export function useAdminPolling(
  refresh: () => Promise<unknown> | void,
  intervalMs: number = ADMIN_POLL_MS,
): void {
  const { allowed } = usePermission({
    permission: orchestratorInstanceAdminViewPermission,
  });
  const visible = useDocumentVisible();
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const wasHidden = useRef(false);

  useEffect(() => {
    if (!visible) wasHidden.current = true;
    else if (allowed && wasHidden.current) {
      wasHidden.current = false;
      // what changed while the tab was in the background
      refreshRef.current();
    }
  }, [allowed, visible]);

  useBackoffPolling({
    enabled: allowed && visible,
    poll: () => refreshRef.current(),
    initialDelayMs: intervalMs,
    maxDelayMs: intervalMs,
    factor: 1,
  });
}

function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(isVisible);
  useEffect(() => {
    const onChange = () => setVisible(isVisible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

function isVisible(): boolean {
  return document.visibilityState !== 'hidden';
}
