import { Badge } from '../../../components/ui/Badge';
import type { ResourceState } from '../api/types';
import { stateLabel } from './format';

/** A resource's ingestion state, coloured by `badge--state-<state>` in the stylesheet. */
export function StateBadge({ state }: { state: ResourceState }) {
  return <Badge label={stateLabel(state)} tone={`state-${state.replace(/_/g, '-')}`} />;
}
