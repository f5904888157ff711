package com.acme.inventory.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    /** The patterns of Spring Security 6.5's StrictHttpFirewall that these checks replace. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Property(tries = 20_000)
    void decidesAsTheFirewallsPatterns(@ForAll("headerTexts") String text) {
        assertThat(HeaderCharacters.allowedInName(text))
                .as("name %s", escaped(text))
                .isEqualTo(NAME.matcher(text).matches());
        assertThat(HeaderCharacters.allowedInValue(text))
                .as("value %s", escaped(text))
                .isEqualTo(VALUE.matcher(text).matches());
    }

    @Test
    void refusesControlCharactersAndUnassignedCodePoints() {
        assertThat(HeaderCharacters.allowedInValue("Bearer abc-123")).isTrue();
        assertThat(HeaderCharacters.allowedInValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedInName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("a\u0007b")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("a\u007fb")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("a\u0378b")).as("unassigned").isFalse();
        assertThat(HeaderCharacters.allowedInValue("caf\u00e9 \ud83d\ude00")).isTrue();
        assertThat(HeaderCharacters.allowedInValue("")).isTrue();
    }

    /** Mostly printable ASCII, with control characters, Latin-1, unassigned and supplementary code points and lone surrogates. */
    @Provide
    Arbitrary<String> headerTexts() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().range(' ', '~')),
                Tuple.of(2, Arbitraries.chars().range('\u0000', '\u00ff')),
                Tuple.of(1, Arbitraries.chars().range('\u0370', '\u0380')),
                Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')),
                Tuple.of(1, Arbitraries.chars().all()));
        return chars.list().ofMaxSize(12).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars()
                .forEach(c ->
                        escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return escaped.toString();
    }
}
