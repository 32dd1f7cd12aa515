import { useState } from 'react';
import { createCard } from '../api/cards-api';
import type { Card, NewCard } from '../api/types';
import { useAction } from '../hooks/useAction';
import { CardEditor, EMPTY_FIELDS, type CardFields } from './CardEditor';

interface AddCardFormProps {
  topicId: string;
  onAdded: (card: Card) => void;
  onClose: () => void;
}

/** Writes a card by hand (basic, reversed or cloze); stays open, cleared, for the next one. */
export function AddCardForm({ topicId, onAdded, onClose }: AddCardFormProps) {
  const action = useAction();
  const [added, setAdded] = useState(0);

  const add = async (fields: CardFields) => {
    const result = await action.run(() => createCard(topicId, newCard(fields)));
    if (!result.ok) return false;
    onAdded(result.value);
    setAdded((count) => count + 1);
    return true;
  };

  return (
    <section className="add-card" aria-label="Add a card" data-testid="add-card">
      <CardEditor
        initial={EMPTY_FIELDS}
        chooseType
        submitLabel="Add card"
        cancelLabel="Close"
        pending={action.pending}
        serverError={action.error}
        onSubmit={add}
        onCancel={onClose}
      />
      <p className="meta" role="status">
        {added > 0 && `${added === 1 ? 'Card added' : `${added} cards added`} at the top of the list.`}
      </p>
    </section>
  );
}

function newCard(fields: CardFields): NewCard {
  if (fields.type === 'cloze') return fields.back ? { type: 'cloze', text: fields.text, back: fields.back } : { type: 'cloze', text: fields.text };
  return { type: fields.type, front: fields.front, back: fields.back };
}
