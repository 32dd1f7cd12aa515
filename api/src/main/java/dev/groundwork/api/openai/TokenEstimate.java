package dev.groundwork.api.openai;

import java.util.Collection;
import java.util.Collections;

/**
 * Token counts when no model reported any (extractive answers, or a model server that sends no usage): 1.3 tokens
 * per word, rounded up, a word being a run of non-whitespace characters. That is close to what GPT-style BPE
 * tokenizers give for English prose; code and non-Latin text count lower than they would.
 */
final class TokenEstimate {

    private TokenEstimate() {
    }

    static int of(String text) {
        return of(Collections.singletonList(text));
    }

    static int of(Collection<String> texts) {
        long words = texts.stream().mapToLong(TokenEstimate::words).sum();
        return (int) Math.ceil(words * 1.3);
    }

    private static long words(String text) {
        if (text == null) {
            return 0;
        }
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
