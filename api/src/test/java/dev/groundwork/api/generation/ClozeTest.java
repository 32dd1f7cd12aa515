package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClozeTest {

    @Test
    void numbersAnswersAndPlainText() {
        String text = "{{c1::Redis}} keeps data in {{c2::memory::where?}} and {{c1::Redis}} persists it.";

        assertThat(Cloze.numbers(text)).containsExactly(1, 2);
        assertThat(Cloze.answers(text)).containsExactly("Redis", "memory", "Redis");
        assertThat(Cloze.plain(text)).isEqualTo("Redis keeps data in memory and Redis persists it.");
        assertThat(Cloze.problem(text)).isEmpty();
    }

    @Test
    void explainsWhatIsWrongWithABadCloze() {
        assertThat(Cloze.problem("No deletion.")).hasValueSatisfying(p -> assertThat(p).contains("{{c1::"));
        assertThat(Cloze.problem("Open {{c1::deletion")).hasValueSatisfying(p -> assertThat(p).contains("unfinished"));
        assertThat(Cloze.problem("{{c0::zero}} based")).isPresent();
        assertThat(Cloze.problem("{{c1::only}}")).hasValueSatisfying(p -> assertThat(p).contains("around"));
        assertThat(Cloze.problem(" ")).isPresent();
    }

    @Test
    void deletesAWholeWordTermAndItsPlural() {
        assertThat(Cloze.delete("Load balancers route traffic; a load balancer can fail.", "load balancer", 1))
                .isEqualTo("{{c1::Load balancers}} route traffic; a {{c1::load balancer}} can fail.");
        assertThat(Cloze.delete("Caching helps.", "cach", 1)).isEqualTo("Caching helps.");
        assertThat(Cloze.delete("Tag hello-docker from docker.io with docker.", "docker", 1))
                .isEqualTo("Tag hello-docker from docker.io with {{c1::docker}}.");
    }
}
