import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { findActionsRegistryServiceRef } from './actionsRegistryRef';

describe('findActionsRegistryServiceRef', () => {
  it("finds the installed package's ref in /alpha", () => {
    expect(findActionsRegistryServiceRef()).toBe(actionsRegistryServiceRef);
  });

  it('prefers coreServices.actionsRegistry once the host has it', () => {
    const stable = { id: 'core.actionsRegistry' };
    const load = (id: string) =>
      id === '@backstage/backend-plugin-api'
        ? { coreServices: { actionsRegistry: stable } }
        : { actionsRegistryServiceRef };
    expect(findActionsRegistryServiceRef(load)).toBe(stable);
  });

  it('is undefined on a host without an actions registry (the plugin then skips actions)', () => {
    const old = (id: string) => {
      if (id === '@backstage/backend-plugin-api') return { coreServices: {} };
      throw new Error(`Cannot find module '${id}'`);
    };
    expect(findActionsRegistryServiceRef(old)).toBeUndefined();
    expect(
      findActionsRegistryServiceRef(() => ({ coreServices: {} })),
    ).toBeUndefined();
  });
});
