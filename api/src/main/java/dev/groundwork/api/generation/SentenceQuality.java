package dev.groundwork.api.generation;

import dev.groundwork.api.generation.Statement.Quality;
import java.util.regex.Pattern;

/**
 * Whether a sentence can stand alone as a quote, and the patterns that tell: sentences that lean on their
 * neighbours, navigation, links, labels, instructions, opinions, code. Used by {@link Statements} for every passage
 * and by the card writers. Stateless.
 */
final class SentenceQuality {

    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 60;

    /** Openers of sentences that lean on what came before. */
    static final Pattern LEANS = Pattern.compile("^(?:[\"'(]?)(?:this|these|those|that|it|its|it's|they|"
            + "their|them|he|she|such|here|thus|hence|therefore|however|also|additionally|furthermore|moreover|"
            + "similarly|likewise|otherwise|instead|then|finally|next|now|so|but|and|or|nor|yet|still|again|"
            + "alternatively|conversely|consequently|accordingly|meanwhile|besides|plus|above|below|lastly|"
            + "in addition|in contrast|in this|in that|in the (?:previous|next|following|"
            + "above|last)|as (?:shown|mentioned|described|noted|seen|discussed|explained|you can see|above|below|"
            + "such|a result)|for (?:this|that|these|those) reasons?|on the other hand|the (?:above|following|"
            + "latter|former|same|previous|next|last)|both|another|other|one of them|the rest)(?![-\\w])",
            Pattern.CASE_INSENSITIVE);
    /** References to the page around a sentence. */
    static final Pattern POINTS_AROUND = Pattern.compile("\\b(?:(?:see|shown|described|listed|mentioned|"
            + "explained|discussed|illustrated) (?:above|below|earlier|later|here)|as follows|"
            + "the (?:following|previous|"
            + "next|above|preceding) (?:section|example|chapter|page|diagram|figure|image|table|code|snippet|command|"
            + "step|steps|list)|this (?:page|section|chapter|guide|tutorial|article|document|doc|lesson|post|video|"
            + "course|repo|repository|book)|in this (?:example|exercise|part)|the (?:diagram|figure|image|picture|"
            + "screenshot) (?:above|below)|(?:above|below):?$)", Pattern.CASE_INSENSITIVE);
    static final Pattern NAVIGATION = Pattern.compile("(?i)\\b(?:click here|sign up|sign in|log in|subscribe|"
            + "cookies?|privacy policy|terms of (?:service|use)|all rights reserved|edit this page|was this (?:page )?"
            + "helpful|skip to|table of contents|back to top|on this page|next page|previous page|last updated|"
            + "improve this|copyright|©|share on|follow us|newsletter|tweet)\\b");
    /** Verbs that open an instruction ("Create an index", "decide how to store…") rather than a statement. */
    static final Pattern IMPERATIVE = Pattern.compile("^(?:add|aggregate|allow|apply|ask|avoid|build|call|change|check|"
            + "choose|click|clone|compare|configure|connect|consider|continue|copy|create|decide|define|delete|deploy|"
            + "describe|download|edit|enable|enter|explore|fill|find|follow|get|give|go|group|help|import|imagine|"
            + "include|install|keep|learn|let|list|load|log|look|make|manage|model|move|note|open|paste|pick|place|"
            + "practice|practise|prepare|press|print|put|read|recall|register|remember|remove|replace|return|"
            + "review|run|"
            + "save|scan|search|see|select|send|set|setup|share|sign|specify|start|stop|store|study|submit|summarize|"
            + "summarise|take|test|think|track|try|turn|type|understand|update|upload|use|verify|visit|wait|watch|"
            + "write)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A sentence that opens with a verb that is rarely a noun ("Import Enum and …", "Install the CLI"): an
     * instruction whatever follows.
     */
    static final Pattern COMMAND = Pattern.compile("^(?:add|allow|apply|avoid|build|choose|click|clone|compare|"
            + "configure|connect|consider|continue|copy|create|decide|define|delete|deploy|download|edit|enable|"
            + "enter|explore|fill|find|follow|get|give|go|import|imagine|include|install|keep|learn|let|load|look|"
            + "make|move|open|paste|pick|prepare|put|read|recall|register|remember|remove|replace|run|save|see|"
            + "select|send|setup|specify|stop|submit|summarize|summarise|take|think|try|turn|understand|upload|use|"
            + "verify|visit|wait|watch|write)\\b", Pattern.CASE_INSENSITIVE);
    /** An instruction: such a verb followed by what it acts on ("Model your data", "Search and filter"). */
    static final Pattern INSTRUCTION = Pattern.compile(IMPERATIVE.pattern() + "\\s+(?:a|an|the|your|this|that|these|"
            + "those|it|them|to|and|or|with|for|on|in|into|out|up|down|over|one|some|all|any|each|every|its|their|our|"
            + "my|how|what|which|whether|more|data|instructions|steps?)\\b", Pattern.CASE_INSENSITIVE);
    /** Terms that are sentences or pointers, not names: "Servers should be stateless", "See Disadvantage(s)". */
    static final Pattern NOT_A_TERM = Pattern.compile("(?i)^(?:see|use|read|learn|visit|check|click|follow|"
            + "go|try|get|find|watch|install|create|build|run|note|tip|warning|example|step \\d+)\\b|\\b(?:should|must|"
            + "can|will|would|could|may|might|is|are|was|were|how|what|which|where|why|whether)\\b");
    /** An outline entry or an admonition label, not a statement: "How to implement …", "Tip A …". */
    static final Pattern OUTLINE = Pattern.compile("^(?:how to|learn (?:how|to)|what you(?:'ll| will) "
            + "(?:learn|build|need)|in this (?:chapter|section|lesson|course|tutorial)|(?:tip|note|warning|important|"
            + "caution|info|hint|danger|example)\\b[:\\s])", Pattern.CASE_INSENSITIVE);
    /** Someone's opinion or testimony: "I would highly recommend …", a sentence in quotation marks. */
    static final Pattern OPINION = Pattern.compile("^[“\"]|\\bI(?:'m|'d|'ve)?\\s|\\b(?:my|me)\\b");
    static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private SentenceQuality() {
    }

    /** Whether a sentence can stand alone as a quote. */
    static Quality judge(String sentence, Segment segment, int start) {
        String trimmed = sentence.strip();
        int words = Statements.words(trimmed);
        if (URL.matcher(trimmed).find() || (segment != null && linkShare(trimmed, segment, start) > 0.5)) {
            return Quality.LINK_LIST;
        }
        if (NAVIGATION.matcher(trimmed).find()) {
            return Quality.NAVIGATION;
        }
        if (symbolic(trimmed)) {
            return Quality.CODE;
        }
        if (trimmed.endsWith("?")) {
            return Quality.QUESTION;
        }
        int first = trimmed.codePointAt(0);
        if (Character.isLowerCase(first) || (!Character.isLetterOrDigit(first) && "\"'(“‘`".indexOf(first) < 0)
                || !balanced(trimmed)) {
            return Quality.FRAGMENT;
        }
        if (LEANS.matcher(trimmed).find() || POINTS_AROUND.matcher(trimmed).find()) {
            return Quality.LEANS_ON_CONTEXT;
        }
        if (OUTLINE.matcher(trimmed).find()) {
            return Quality.LABEL;
        }
        if (OPINION.matcher(trimmed).find()) {
            return Quality.OPINION;
        }
        if (!terminal(trimmed) && words < 10) {
            return Quality.LABEL;
        }
        if (words < MIN_WORDS) {
            return Quality.TOO_SHORT;
        }
        if (words > MAX_WORDS) {
            return Quality.TOO_LONG;
        }
        return Quality.OK;
    }

    /** Share of the text's letters inside link marks (when known). */
    static double linkShare(String text, Segment segment, int start) {
        if (segment == null || segment.marks().isEmpty()) {
            return 0;
        }
        int letters = 0;
        int linked = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                continue;
            }
            letters++;
            int at = start + i;
            if (segment.marks().stream().anyMatch(m -> m.kind() == MarkKind.LINK && m.start() <= at && at < m.end())) {
                linked++;
            }
        }
        return letters == 0 ? 0 : linked / (double) letters;
    }

    static boolean symbolic(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        long visible = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        return visible == 0 || letters < 0.7 * visible || text.contains("{") || text.contains("=>")
                || text.contains("();") || text.contains("$ ");
    }

    static boolean terminal(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith(".)") || t.endsWith(".\"") || t.endsWith(".”");
    }

    static boolean balanced(String text) {
        int round = 0;
        int square = 0;
        for (char c : text.toCharArray()) {
            round += c == '(' ? 1 : c == ')' ? -1 : 0;
            square += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (round < 0 || square < 0) {
                return false;
            }
        }
        return round == 0 && square == 0;
    }
}
