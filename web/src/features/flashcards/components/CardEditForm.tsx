import { updateCard } from '../api/cards-api';
import type { Card, CardChanges } from '../api/types';
import { useAction } from '../hooks/useAction';
import { CardEditor, type CardFields } from './CardEditor';

/** What editing needs of a card: its id, type and content. */
export type EditableCard = Pick<Card, 'id' | 'type' | 'front' | 'back' | 'text'>;

interface CardEditFormProps {
  card: EditableCard;
  /** The stored card after a save; the card as it was when nothing changed. */
  onSaved: (card: Card | null) => void;
  onCancel: () => void;
}

/**
 * Edits one card's content (the card list and the review screen use it): sends only the changed fields with
 * `PATCH /api/cards/{id}` and shows the server's problem under the fields when the change is refused.
 */
export function CardEditForm({ card, onSaved, onCancel }: CardEditFormProps) {
  const action = useAction();

  const save = async (fields: CardFields): Promise<boolean> => {
    const changes = contentChanges(card, fields);
    if (Object.keys(changes).length === 0) {
      onSaved(null);
      return true;
    }
    const result = await action.run(() => updateCard(card.id, changes));
    if (result.ok) onSaved(result.value);
    return result.ok;
  };

  return (
    <CardEditor
      initial={{ type: card.type, front: card.front ?? '', back: card.back ?? '', text: card.text ?? '' }}
      submitLabel="Save"
      pending={action.pending}
      serverError={action.error}
      onSubmit={save}
      onCancel={onCancel}
    />
  );
}

/** The fields that differ from the card's content; a cleared cloze extra is sent as an empty string. */
function contentChanges(card: EditableCard, fields: CardFields): CardChanges {
  const changes: CardChanges = {};
  if (card.type === 'cloze') {
    if (fields.text !== (card.text ?? '')) changes.text = fields.text;
  } else if (fields.front !== (card.front ?? '')) {
    changes.front = fields.front;
  }
  if (fields.back !== (card.back ?? '')) changes.back = fields.back;
  return changes;
}
