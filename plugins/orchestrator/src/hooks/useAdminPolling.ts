import { useEffect, useRef, useState } from 'react';
import { configApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  allWorkflowsSignalChannel,
  orchestratorInstanceAdminViewPermission,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useBackoffPolling } from './useBackoffPolling';
import { useSignalChannels } from './useSignalChannels';

/**
 * Modest on purpose: without signals, every open page of every instance admin asks this
 * often, and a run's own page is where seconds matter.
 */
export const ADMIN_POLL_MS = 15_000;

/**
 * With signals, the longest a visible admin page goes without any tick before it reloads once
 * anyway. The backend ticks an admin only for
 * `orchestrator.instanceWatcher.adminTicksTtlSeconds` (default 900) after a request showed the
 * permission, and a page ticked by nothing makes no request: this reload, within half the TTL,
 * renews the admin before it runs out.
 */
export const ADMIN_RENEW_MS = 5 * 60_000;

const TTL_KEY = 'orchestrator.instanceWatcher.adminTicksTtlSeconds';

/** How often an admin page with signals renews; undefined when the backend ticks no admins. */
function renewalMs(ttlSeconds: number | undefined): number | undefined {
  if (ttlSeconds === undefined) return ADMIN_RENEW_MS;
  if (ttlSeconds <= 0) return undefined;
  return Math.min(ADMIN_RENEW_MS, (ttlSeconds * 1000) / 2);
}

/**
 * Keeps a page that shows several users' runs current for an instance admin
 * (`orchestrator.instanceAdminView`, the permission that lets the backend list others' runs).
 * Any user may subscribe to any signal channel, so the backend sends workflow ticks only to
 * the owners of the changed runs and to the admins its requests have recently shown holding
 * the permission; the page's request that brought this hook here made this admin one. With
 * signals the hook refreshes on each tick of `orchestrator:workflows` (every workflow's runs,
 * which a page of any workflow's runs could not subscribe to one by one) and polls no data;
 * only a page that no tick refreshed for ADMIN_RENEW_MS (or half the TTL) reloads once, to
 * stay known to the backend. Without a signal API, or when the backend's TTL is 0 (it then
 * ticks no admins), it polls every ADMIN_POLL_MS while the document is visible.
 * Either way it refreshes on coming back to a hidden tab: what changed in the background (the
 * browser may have dropped the signals connection, or the backend's TTL may have run out).
 * No one else polls, and non-admins subscribe to nothing here.
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
  const renewMs = renewalMs(
    useApiHolder().get(configApiRef)?.getOptionalNumber(TTL_KEY),
  );
  const [ticks, setTicks] = useState(0);
  const { isSignalsAvailable } = useSignalChannels(
    allowed && renewMs ? [allWorkflowsSignalChannel] : [],
    () => {
      setTicks(n => n + 1);
      refreshRef.current();
    },
  );
  const every = (isSignalsAvailable && renewMs) || intervalMs;

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
    initialDelayMs: every,
    maxDelayMs: every,
    factor: 1,
    // a tick's refresh renewed the admin: the renewal waits again from there
    resetKey: ticks,
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
