export interface Config {
  orchestrator?: {
    workflowLogProvider?: {
      /** Grafana Loki as the source of per-run logs (`GET /v2/workflows/instances/{instanceId}/logs`). */
      loki?: {
        /** Loki's base URL, e.g. `http://loki:3100`, without credentials (use `token`); the module asks `<baseUrl>/loki/api/v1/query_range`. Required. */
        baseUrl: string;
        /**
         * The streams to search for a run's lines, ANDed: e.g. `{ label: app, value: greeting }`. A
         * label name is `[a-zA-Z_][a-zA-Z0-9_]*`; the value is matched with `operator`. Default:
         * every stream that has a `service_name` (searching all of Loki; set selectors in production).
         */
        logStreamSelectors?: Array<{
          label: string;
          value: string;
          /** `=~` (an anchored regex, so a plain name matches itself), `=`, `!=` or `!~`. Default `=~`. */
          operator?: '=' | '!=' | '=~' | '!~';
        }>;
        /** The most lines answered for one run (the newest are kept), 1-4999. Default 1000. */
        limit?: number;
        /** How long to wait for Loki, in milliseconds. Default 10000. */
        timeoutMs?: number;
        /**
         * Sent as `Authorization: Bearer <token>`; never logged or answered.
         * @visibility secret
         */
        token?: string;
        /** Sent as `X-Scope-OrgID` (the tenant of a multi-tenant Loki). Default none. */
        tenant?: string;
        /**
         * How Loki's certificate is checked, for an `https:` baseUrl only (a `tls` block with an
         * `http:` baseUrl fails the start). Default: Node's own CA list, certificates checked.
         */
        tls?: {
          /**
           * PEM text of one or more CA certificates trusted for Loki, e.g. the cluster's service
           * CA. With `caFile` too, both are trusted. They replace Node's own CA list for Loki's
           * connections. Default none.
           */
          ca?: string;
          /**
           * Path of a PEM file of CA certificates, read once at startup (an unreadable file fails
           * the start), e.g. `/var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt` on
           * OpenShift. Default none.
           */
          caFile?: string;
          /** `false` skips checking Loki's certificate (a warning is logged at startup). Default `true`. */
          rejectUnauthorized?: boolean;
        };
      };
    };
  };
}
