import { Badge } from '../../../components/ui/Badge';
import type { TopicKind } from '../api/types';

export function KindBadge({ kind }: { kind: TopicKind }) {
  return <Badge label={kind} tone={`kind-${kind}`} />;
}
