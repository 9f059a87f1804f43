import { SwState } from '../../model';
import { Execution } from '../Execution';
import { StateOutcome } from '../exits';
import { ExecutorDeps } from '../runActions';

/**
 * Runs the body of one state type: the state's node instance and data filters are handled
 * around it (runState), the handler only does what the type means and says where to go next.
 */
export type StateHandler = (
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
) => Promise<StateOutcome>;
