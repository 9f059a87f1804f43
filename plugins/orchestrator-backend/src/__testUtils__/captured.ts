import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';

/** Everything the plugin logged or audited, as text, for tests that grep it. */
export interface Captured {
  lines: string[];
  text(): string;
}

function describe(value: unknown): string {
  if (value instanceof Error)
    return `${value.name}: ${value.message}\n${value.stack}`;
  try {
    return JSON.stringify(value, (_k, v) =>
      v instanceof Error ? `${v.name}: ${v.message}\n${v.stack}` : v,
    );
  } catch {
    return String(value);
  }
}

/** A root logger and an auditor that keep every line, to be passed as extraFeatures. */
export function capturingServices() {
  const captured: Captured = {
    lines: [],
    text: () => captured.lines.join('\n'),
  };
  const logger = (fields: unknown = {}): LoggerService => {
    const log = (level: string) => (message: string, meta?: unknown) =>
      void captured.lines.push(
        `${level} ${message} ${describe(fields)} ${describe(meta)}`,
      );
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: (more: unknown) =>
        logger({ ...(fields as object), ...(more as object) }),
    };
  };
  const features = [
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger() as any,
    }),
    createServiceFactory({
      service: coreServices.auditor,
      deps: {},
      factory: () => ({
        createEvent: async (options: any) => {
          const { request: req, ...rest } = options;
          captured.lines.push(
            `audit ${describe(rest)} ${req?.method} ${req?.originalUrl}`,
          );
          return {
            success: async (o?: unknown) =>
              void captured.lines.push(`audit-success ${describe(o)}`),
            fail: async (o?: unknown) =>
              void captured.lines.push(`audit-fail ${describe(o)}`),
          };
        },
      }),
    }),
  ];
  return { captured, features };
}
