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
    instanceWatcher?: {
      /**
       * The backend's key (see its config): also read by the frontend, where 0 means the
       * backend does not tick instance admins about others' runs, so their pages poll every
       * 15 s as without signals; otherwise a page no tick refreshed reloads once within half
       * of it (at most every 5 minutes) to stay known as a live admin. Default 900.
       * @visibility frontend
       */
      adminTicksTtlSeconds?: number;
    };
  };
}
