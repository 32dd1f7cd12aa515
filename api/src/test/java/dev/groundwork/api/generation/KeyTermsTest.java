package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTermsTest {

    @Test
    void splitsAConceptLineIntoTheTermsItNames() {
        assertThat(KeyTerms.of("CNNs: Convolution, pooling, architecture patterns"))
                .as("'architecture patterns' names nothing specific").containsExactly("CNNs", "Convolution", "pooling");
        assertThat(KeyTerms.of("Time series forecasting (ARIMA, Prophet, LSTM)"))
                .containsExactly("Time series forecasting", "ARIMA", "Prophet", "LSTM");
        assertThat(KeyTerms.of("REST vs GraphQL")).containsExactly("REST", "GraphQL");
        assertThat(KeyTerms.of("Docker, GitHub Actions, CI/CD")).containsExactly("Docker", "GitHub Actions", "CI/CD");
        assertThat(KeyTerms.of(List.of("Caching, scaling", "Caching"))).containsExactly("Caching", "scaling");
    }

    @Test
    void aTextMentionsATermByPhraseOrByAllItsWords() {
        assertThat(KeyTerms.mentions("Use a load balancer in front.", "load balancer")).isTrue();
        assertThat(KeyTerms.mentions("Policies for eviction differ.", "eviction policies")).isTrue();
        assertThat(KeyTerms.mentions("Loading is slow.", "load")).isFalse();
    }
}
