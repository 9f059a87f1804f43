import { mergeData } from '../../dataMerge';
import { exitTo } from '../exits';
import { StateHandler } from './StateHandler';

/** `inject`: its `data` merged into the state data. */
export const runInjectState: StateHandler = async (
  _deps,
  _exec,
  state,
  data,
) => ({ data: mergeData(data, state.data ?? {}), ...exitTo(state, state) });
