package dev.groundwork.api.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anki's cloze syntax: {@code {{c1::answer}}} or {@code {{c1::answer::hint}}}; each distinct number is one reviewable
 * item. Stateless.
 */
public final class Cloze {

    private static final Pattern DELETION = Pattern.compile("\\{\\{c(\\d{1,2})::(.+?)(?:::(.*?))?}}", Pattern.DOTALL);

    private Cloze() {
    }

    /** The distinct deletion numbers, ascending. */
    public static List<Integer> numbers(String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        if (text != null) {
            Matcher m = DELETION.matcher(text);
            while (m.find()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        return List.copyOf(numbers);
    }

    /** The answers of the deletions, in order of appearance. */
    public static List<String> answers(String text) {
        List<String> answers = new ArrayList<>();
        Matcher m = DELETION.matcher(text);
        while (m.find()) {
            answers.add(m.group(2));
        }
        return answers;
    }

    /** The text as read with every deletion answered: the markup gone, answers in place. */
    public static String plain(String text) {
        return DELETION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    }

    /** Why {@code text} is not a usable cloze, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("A cloze card needs a text with at least one deletion such as {{c1::answer}}.");
        }
        List<Integer> numbers = numbers(text);
        if (numbers.isEmpty() && text.contains("{{c")) {
            return Optional.of("The text has an unfinished cloze deletion; write it as {{c1::answer}}.");
        }
        if (numbers.isEmpty()) {
            return Optional.of("The text has no cloze deletion; mark one like {{c1::answer}}.");
        }
        if (numbers.contains(0)) {
            return Optional.of("Cloze numbers start at 1 ({{c1::…}}).");
        }
        String rest = DELETION.matcher(text).replaceAll("");
        if (rest.contains("{{c") || rest.contains("}}")) {
            return Optional.of("The text has an unfinished cloze deletion; write it as {{c1::answer}}.");
        }
        if (answers(text).stream().anyMatch(String::isBlank)) {
            return Optional.of("A cloze deletion has an empty answer.");
        }
        if (rest.isBlank()) {
            return Optional.of("A cloze card needs some text around its deletions.");
        }
        return Optional.empty();
    }

    /**
     * Wraps every whole-word occurrence of {@code term} (or its plural: "load balancers" for "load balancer") in
     * {@code sentence} as deletion {@code n}; the sentence unchanged when it has none.
     */
    public static String delete(String sentence, String term, int n) {
        // a whole word: not a piece of "hello-docker", "docker.io" or "my_docker"
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}_./-])" + Pattern.quote(term)
                        + "(?:e?s)?(?![\\p{L}\\p{N}_/-]|\\.[\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(sentence).replaceAll(m -> Matcher.quoteReplacement("{{c" + n + "::" + m.group() + "}}"));
    }
}
