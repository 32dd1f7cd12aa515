package dev.groundwork.api.flashcard;

import java.util.List;

/** The bodies of the card endpoints. Limits come from {@link CardProperties} and are checked by the service. */
final class CardRequests {

    private CardRequests() {
    }

    /** {@code POST /api/topics/{id}/cards}: a card written by hand. */
    record NewCard(String type, String front, String back, String text) {
    }

    /** {@code POST /api/topics/{id}/cards/generate}: how many cards (default 10) and of which types (default all). */
    record Generate(Integer count, List<String> types) {
    }

    /** {@code PATCH /api/cards/{id}}: what to change; absent fields stay as they are. */
    record Patch(String front, String back, String text, Boolean suspended) {

        boolean changesContent() {
            return front != null || back != null || text != null;
        }
    }
}
