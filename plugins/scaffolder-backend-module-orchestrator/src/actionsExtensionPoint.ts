import type { ExtensionPoint } from '@backstage/backend-plugin-api';
import type { ScaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/** The entry points of `@backstage/plugin-scaffolder-node` that have held the extension point. */
export const SCAFFOLDER_NODE_ENTRY_POINTS = [
  '@backstage/plugin-scaffolder-node',
  '@backstage/plugin-scaffolder-node/alpha',
] as const;

type EntryPoint = {
  scaffolderActionsExtensionPoint?: ExtensionPoint<ScaffolderActionsExtensionPoint>;
};

/**
 * The scaffolder's actions extension point from whichever entry point of the HOST's
 * scaffolder-node has it. RHDH 1.8 (Backstage 1.42, scaffolder-node 0.11.x) exports it only from
 * `/alpha`; current versions only from the main entry. As a dynamic plugin this module gets the
 * host's copy (scaffolder-node is a peer), so a static import of either entry would leave it
 * undefined on the other line and crash the backend at startup. An entry point that does not
 * exist (a future scaffolder-node without `/alpha`) is skipped, not fatal.
 */
export function resolveActionsExtensionPoint(
  load: (id: string) => unknown = defaultLoad,
): ExtensionPoint<ScaffolderActionsExtensionPoint> {
  const tried: string[] = [];
  for (const id of SCAFFOLDER_NODE_ENTRY_POINTS) {
    let entry: EntryPoint | undefined;
    try {
      entry = load(id) as EntryPoint | undefined;
    } catch (error) {
      tried.push(`${id} (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    if (entry?.scaffolderActionsExtensionPoint) {
      return entry.scaffolderActionsExtensionPoint;
    }
    tried.push(`${id} (no scaffolderActionsExtensionPoint)`);
  }
  throw new Error(
    `The Orchestrator scaffolder module found no scaffolderActionsExtensionPoint in the host's @backstage/plugin-scaffolder-node; tried ${tried.join(
      ', ',
    )}`,
  );
}

function defaultLoad(id: string): unknown {
  // A runtime require on purpose: which entry point exists depends on the host's version.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id);
}
