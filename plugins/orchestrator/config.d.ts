export interface Config {
  orchestrator?: {
    /**
     * Per-run logs from a log provider module of the backend (e.g. `loki`, see
     * `@orchestrator-suite/backstage-plugin-orchestrator-backend-module-loki`). Its presence alone
     * shows "View logs" on a run's page (upstream RHDH's convention); the keys inside stay on
     * the backend. Default: absent, no "View logs".
     * @visibility frontend
     */
    workflowLogProvider?: {};
  };
}
