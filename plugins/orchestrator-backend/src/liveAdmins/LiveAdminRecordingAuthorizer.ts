import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { WorkflowAuthorizer } from '../permissions/WorkflowAuthorizer';
import type { LiveAdmins } from './LiveAdmins';

/**
 * The authorizer every service uses, noting each user it finds holding instanceAdminView
 * (lists, overviews and run reads all ask) in the live admins. Recording never fails a
 * request: a lost write costs the admin ticks until their next request, not their page.
 */
export class LiveAdminRecordingAuthorizer implements WorkflowAuthorizer {
  static create(options: {
    authorizer: WorkflowAuthorizer;
    liveAdmins: LiveAdmins;
    logger: LoggerService;
  }): WorkflowAuthorizer {
    return new LiveAdminRecordingAuthorizer(
      options.authorizer,
      options.liveAdmins,
      options.logger,
    );
  }

  private constructor(
    private readonly inner: WorkflowAuthorizer,
    private readonly liveAdmins: LiveAdmins,
    private readonly logger: LoggerService,
  ) {}

  scope: WorkflowAuthorizer['scope'] = (...args) => this.inner.scope(...args);
  assertWorkflow: WorkflowAuthorizer['assertWorkflow'] = (...args) =>
    this.inner.assertWorkflow(...args);
  isWorkflowAdmin: WorkflowAuthorizer['isWorkflowAdmin'] = (...args) =>
    this.inner.isWorkflowAdmin(...args);

  async isInstanceAdmin(credentials: BackstageCredentials): Promise<boolean> {
    const allowed = await this.inner.isInstanceAdmin(credentials);
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
    };
    if (allowed && principal.type === 'user' && principal.userEntityRef) {
      await this.liveAdmins
        .recordSeen(principal.userEntityRef)
        .catch(error =>
          this.logger.warn(
            `Could not record a live instance admin: ${
              (error as Error).message
            }`,
          ),
        );
    }
    return allowed;
  }
}
