export interface Config {
  orchestrator?: {
    /**
     * Settings of the run form's data-driven widgets. Any key here is also
     * readable by workflow schemas as `$${{rjsfConfig.orchestrator.<key>}}`,
     * so put nothing secret under it.
     * @visibility frontend
     */
    'rjsf-widgets'?: {
      /**
       * Hosts widget fetches may call besides the Backstage backend: exact
       * `host` or `host:port`, or `*.example.com` for its subdomains.
       * Default: none (only the backend, e.g. its /api/proxy, is reachable).
       * @visibility frontend
       */
      allowedHosts?: string[];
      /**
       * Values for `$${{rjsfConfig.orchestrator.<key>}}` templates. Default: unset (the template resolves to empty).
       * @visibility frontend
       */
      [key: string]: string | string[] | undefined;
    };
  };
}
