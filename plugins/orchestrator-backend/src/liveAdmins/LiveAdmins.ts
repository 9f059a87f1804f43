/**
 * Who the live instance admins are: users whose requests recently showed they hold
 * `orchestrator.instanceAdminView`. The InstanceWatcher adds them to the recipients of its
 * content-free workflow ticks, so their pages of others' runs update without polling.
 *
 * Learnt only from requests the backend authorizes anyway, never by asking the permission
 * framework on its own: the watcher has no user credentials to ask with.
 */
export interface LiveAdmins {
  /** The caller held instanceAdminView just now. Cheap to call on every request. */
  recordSeen(userEntityRef: string): Promise<void>;
  /** The user entity refs seen within the TTL; forgets older ones now and then. */
  listLive(): Promise<string[]>;
}
