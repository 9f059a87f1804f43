import {
  ApiHolder,
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
  useApi,
  useApiHolder,
} from '@backstage/core-plugin-api';
import { useEffect, useMemo, useRef, useState } from 'react';
import { WidgetRequester } from '../http/WidgetRequester';
import {
  TemplateResolver,
  WIDGETS_CONFIG_ROOT,
} from '../templates/TemplateResolver';

export type WidgetServices = {
  resolver: TemplateResolver;
  requester: WidgetRequester;
};

/**
 * The backend's base URL: `backend.baseUrl` from config, else derived from
 * discovery (whose proxy URL is `<base>/api/proxy`).
 */
function useBackendBaseUrl(): string | undefined {
  const configApi = useApi(configApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const configured = configApi.getOptionalString('backend.baseUrl');
  const [discovered, setDiscovered] = useState<string>();
  useEffect(() => {
    if (configured) return undefined;
    let live = true;
    discoveryApi.getBaseUrl('proxy').then(
      proxyUrl =>
        live && setDiscovered(proxyUrl.replace(/\/api\/proxy\/?$/, '')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [configured, discoveryApi]);
  return configured ?? discovered;
}

/** Template resolution and the policy-checked HTTP client, from the app's APIs; undefined until the backend URL is known. */
export function useWidgetServices(): WidgetServices | undefined {
  const configApi = useApi(configApiRef);
  const identityApi = useApi(identityApiRef);
  const fetchApi = useApi(fetchApiRef);
  // The holder object may be rebuilt on re-render (test providers do); read
  // the latest one instead of refetching every widget when it changes.
  const holder = useApiHolder();
  const holderRef = useRef(holder);
  holderRef.current = holder;
  const backendBaseUrl = useBackendBaseUrl();
  return useMemo(() => {
    const apiHolder: ApiHolder = { get: ref => holderRef.current.get(ref) };
    if (!backendBaseUrl) return undefined;
    const resolver = TemplateResolver.create({
      configApi,
      identityApi,
      apiHolder,
      backendBaseUrl,
    });
    const allowedHosts =
      configApi.getOptionalStringArray(`${WIDGETS_CONFIG_ROOT}.allowedHosts`) ??
      [];
    const requester = WidgetRequester.create({
      resolver,
      fetchApi,
      policy: { backendBaseUrl, allowedHosts },
    });
    return { resolver, requester };
  }, [configApi, identityApi, fetchApi, backendBaseUrl]);
}
