import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who is asking, in the form the rules need. */
export interface Caller {
  credentials: BackstageCredentials;
  /**
   * The entity ref recorded as a run's initiator: the user's ref, or
   * `service:<subject>` for a plugin calling on its own behalf.
   */
  initiator: string;
}

export function callerFrom(credentials: BackstageCredentials): Caller {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  const initiator =
    principal.type === 'user' && principal.userEntityRef
      ? principal.userEntityRef
      : `service:${principal.subject ?? 'unknown'}`;
  return { credentials, initiator };
}
