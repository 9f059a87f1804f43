/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
export { ORCHESTRATOR_ROOT_PATH, appUrl, routePaths } from './routePaths';
export type { EntityRefParts } from './routePaths';
