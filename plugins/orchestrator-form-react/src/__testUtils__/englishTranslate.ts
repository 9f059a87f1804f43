import { mockApis } from '@backstage/test-utils';
import {
  orchestratorFormTranslationRef,
  type OrchestratorFormTranslate,
} from '../translation';

/** The form's English `t`, for code tested outside React. */
export function englishTranslate(): OrchestratorFormTranslate {
  const snapshot = mockApis
    .translation()
    .getTranslation(orchestratorFormTranslationRef);
  if (!snapshot.ready) throw new Error('the mock translation is always ready');
  return snapshot.t;
}
