import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { WorkflowAuthorizer } from '../permissions/WorkflowAuthorizer';
import { LiveAdminRecordingAuthorizer } from './LiveAdminRecordingAuthorizer';
import type { LiveAdmins } from './LiveAdmins';

function setup(isAdmin: boolean, recordSeen = jest.fn(async () => {})) {
  const inner: jest.Mocked<WorkflowAuthorizer> = {
    scope: jest.fn(),
    assertWorkflow: jest.fn(),
    isWorkflowAdmin: jest.fn(),
    isInstanceAdmin: jest.fn(async () => isAdmin),
  } as unknown as jest.Mocked<WorkflowAuthorizer>;
  const liveAdmins: LiveAdmins = { recordSeen, listLive: jest.fn() };
  const logger = mockServices.logger.mock();
  const authorizer = LiveAdminRecordingAuthorizer.create({
    authorizer: inner,
    liveAdmins,
    logger,
  });
  return { authorizer, recordSeen, logger };
}

describe('LiveAdminRecordingAuthorizer', () => {
  it('records a user found holding instanceAdminView, and answers as the authorizer does', async () => {
    const { authorizer, recordSeen } = setup(true);
    await expect(
      authorizer.isInstanceAdmin(mockCredentials.user('user:default/ada')),
    ).resolves.toBe(true);
    expect(recordSeen).toHaveBeenCalledWith('user:default/ada');
  });

  it('records no one who lacks the permission', async () => {
    const { authorizer, recordSeen } = setup(false);
    await expect(
      authorizer.isInstanceAdmin(mockCredentials.user('user:default/bob')),
    ).resolves.toBe(false);
    expect(recordSeen).not.toHaveBeenCalled();
  });

  it('never records a service or an unauthenticated caller, even when allowed', async () => {
    // a plugin calling with its own token is not a person with a page open to tick
    const { authorizer, recordSeen } = setup(true);
    await authorizer.isInstanceAdmin(
      mockCredentials.service('plugin:scaffolder'),
    );
    await authorizer.isInstanceAdmin(mockCredentials.none());
    expect(recordSeen).not.toHaveBeenCalled();
  });

  it('a failed write is a warning, never a failed request', async () => {
    const { authorizer, logger } = setup(
      true,
      jest.fn(async () => {
        throw new Error('database is locked');
      }),
    );
    await expect(
      authorizer.isInstanceAdmin(mockCredentials.user('user:default/ada')),
    ).resolves.toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database is locked'),
    );
  });
});
