import { createExtensionPoint } from '@backstage/backend-plugin-api';
import * as scaffolderNode from '@backstage/plugin-scaffolder-node';
import { resolveActionsExtensionPoint } from './actionsExtensionPoint';

const MAIN = '@backstage/plugin-scaffolder-node';
const ALPHA = '@backstage/plugin-scaffolder-node/alpha';

function fakeExtensionPoint() {
  return createExtensionPoint<any>({ id: 'scaffolder.actions' });
}

describe('resolveActionsExtensionPoint', () => {
  it('takes the main entry when it has the extension point (current scaffolder-node)', () => {
    const main = fakeExtensionPoint();
    const load = jest.fn((id: string) =>
      id === MAIN
        ? { scaffolderActionsExtensionPoint: main }
        : { scaffolderActionsExtensionPoint: fakeExtensionPoint() },
    );
    expect(resolveActionsExtensionPoint(load)).toBe(main);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('falls back to /alpha when the main entry lacks it (scaffolder-node 0.11.x, RHDH 1.8)', () => {
    const alpha = fakeExtensionPoint();
    const load = (id: string) =>
      id === ALPHA
        ? { scaffolderActionsExtensionPoint: alpha }
        : { createTemplateAction: () => undefined };
    expect(resolveActionsExtensionPoint(load)).toBe(alpha);
  });

  it('skips an entry point that cannot be loaded', () => {
    const alpha = fakeExtensionPoint();
    const load = (id: string) => {
      if (id === MAIN) throw new Error(`Cannot find module '${id}'`);
      return { scaffolderActionsExtensionPoint: alpha };
    };
    expect(resolveActionsExtensionPoint(load)).toBe(alpha);
  });

  it('names both entry points when neither has it', () => {
    const load = (id: string) => {
      if (id === ALPHA) throw new Error(`Cannot find module '${id}'`);
      return {};
    };
    expect(() => resolveActionsExtensionPoint(load)).toThrow(
      /tried @backstage\/plugin-scaffolder-node \(no scaffolderActionsExtensionPoint\), @backstage\/plugin-scaffolder-node\/alpha \(Cannot find module/,
    );
  });

  it('resolves the installed scaffolder-node the same as its static export', () => {
    expect(resolveActionsExtensionPoint()).toBe(
      scaffolderNode.scaffolderActionsExtensionPoint,
    );
  });
});
